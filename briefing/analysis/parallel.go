package analysis

import (
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
)

// sideBySide calls f(0) … f(n-1), as many at once as there are cores, and returns when all
// have returned. A panic in one is raised again in the caller, where the run's recovery sees
// it (a panic in a goroutine of its own would end the daemon).
func sideBySide(n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	var once sync.Once
	var panicked any
	for i := range n {
		g.Go(func() error {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
				}
			}()
			f(i)
			return nil
		})
	}
	g.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
