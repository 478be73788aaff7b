//go:build unix

package httpapi

import (
	"io/fs"
	"syscall"
)

// links returns the number of hard links of a file.
func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
