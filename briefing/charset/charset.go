// Package charset turns the raw bytes of a text file into UTF-8: UTF-8 with or without a byte
// order mark, UTF-16 with a byte order mark, and Windows-1252 for legacy files.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as reported in Result.Encoding.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
)

// ErrBinary reports content that is not text.
var ErrBinary = errors.New("binary content")

// Result is decoded text and how it was decoded.
type Result struct {
	Text     string
	Encoding string
	// Warning is set when the text was decoded with a guess or with replacements.
	Warning string
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns b as UTF-8 text. Content with NUL bytes (other than UTF-16 with a byte order
// mark) or mostly control characters is reported as ErrBinary. Invalid UTF-8 is decoded as
// Windows-1252 when it looks like a legacy single-byte file, and otherwise as UTF-8 with the
// invalid bytes replaced by U+FFFD; both cases set Result.Warning.
func Decode(b []byte) (Result, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return decodeUTF8(b[len(bomUTF8):])
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b, unicode.LittleEndian, UTF16LE)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b, unicode.BigEndian, UTF16BE)
	}
	return decodeUTF8(b)
}

func decodeUTF16(b []byte, order unicode.Endianness, name string) (Result, error) {
	dec := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(b)
	if err != nil {
		return Result{}, fmt.Errorf("decode %s: %w", name, err)
	}
	r := Result{Text: string(out), Encoding: name}
	if len(b)%2 == 1 {
		r.Warning = "odd number of bytes in UTF-16 text: last byte dropped"
	}
	if err := checkText(out); err != nil {
		return Result{}, err
	}
	return r, nil
}

func decodeUTF8(b []byte) (Result, error) {
	if err := checkText(b); err != nil {
		return Result{}, err
	}
	if utf8.Valid(b) {
		return Result{Text: string(b), Encoding: UTF8}, nil
	}
	valid, invalid := countUTF8(b)
	if valid > 0 && valid >= invalid {
		// UTF-8 with a few broken bytes: keep the UTF-8 reading. Legacy single-byte text
		// almost never contains valid multi-byte UTF-8 sequences by chance.
		return Result{
			Text:     string(bytes.ToValidUTF8(b, []byte("\uFFFD"))),
			Encoding: UTF8,
			Warning:  fmt.Sprintf("invalid UTF-8: %d byte sequence(s) replaced with U+FFFD", invalid),
		}, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return Result{}, fmt.Errorf("decode windows-1252: %w", err)
	}
	return Result{
		Text:     string(out),
		Encoding: Windows1252,
		Warning:  "not valid UTF-8: decoded as Windows-1252",
	}, nil
}

// countUTF8 counts valid multi-byte UTF-8 sequences and invalid bytes.
func countUTF8(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		b = b[n:]
	}
	return valid, invalid
}

// checkText rejects content with NUL bytes or with many control characters.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	sample := b
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	ctrl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if len(sample) > 0 && ctrl*10 > len(sample) {
		return fmt.Errorf("%w: %d control characters in the first %d bytes", ErrBinary, ctrl, len(sample))
	}
	return nil
}
