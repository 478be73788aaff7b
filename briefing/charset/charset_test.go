package charset

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		encoding string
		warns    bool
	}{
		{"plain UTF-8 passes unchanged", []byte("Südkorea „Größe“"), "Südkorea „Größe“", UTF8, false},
		{"a UTF-8 byte order mark is dropped", []byte("\xEF\xBB\xBFÄrger"), "Ärger", UTF8, false},
		{"UTF-16LE with BOM is decoded", []byte{0xFF, 0xFE, 'S', 0, 0xFC, 0, 'd', 0}, "Süd", UTF16LE, false},
		{"UTF-16BE with BOM is decoded", []byte{0xFE, 0xFF, 0, 'S', 0, 0xFC, 0, 'd'}, "Süd", UTF16BE, false},
		{"Windows-1252 umlauts and quotes are decoded", []byte("S\xfcdkorea \x84Gr\xf6\xdfe\x93 \x80"), "Südkorea „Größe“ €", Windows1252, true},
		{"mostly UTF-8 with a broken byte keeps UTF-8", []byte("Südkorea Österreich \xff Ära"), "Südkorea Österreich \uFFFD Ära", UTF8, true},
		{"empty input is empty text", []byte{}, "", UTF8, false},
		{"tabs and form feeds are text", []byte("a\tb\fc\r\n"), "a\tb\fc\r\n", UTF8, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got.Text != tt.want {
				t.Errorf("text = %q, want %q", got.Text, tt.want)
			}
			if got.Encoding != tt.encoding {
				t.Errorf("encoding = %q, want %q", got.Encoding, tt.encoding)
			}
			if (got.Warning != "") != tt.warns {
				t.Errorf("warning = %q, want warning: %v", got.Warning, tt.warns)
			}
		})
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	for name, in := range map[string][]byte{
		"a NUL byte":             []byte("PK\x03\x04\x00\x00rest"),
		"many control bytes":     []byte("\x01\x02\x03\x04\x05\x06abc"),
		"UTF-16 without a BOM":   {'S', 0, 'u', 0},
		"NUL inside UTF-16 text": {0xFF, 0xFE, 0, 0, 'a', 0},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Decode(in); !errors.Is(err, ErrBinary) {
				t.Errorf("Decode = %v, want ErrBinary", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "Südkorea", "\xEF\xBB\xBFx", "\xFF\xFEa\x00", "\xFE\xFF\x00a", "S\xfcd", "\xff\xfe\xfd", "a\x00b", "\xFF\xFE\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := Decode(in)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(r.Text) {
			t.Fatalf("output is not valid UTF-8: %q", r.Text)
		}
		if utf8.Valid(in) && len(in) >= 0 && r.Encoding == UTF8 && r.Warning == "" {
			want := string(in)
			if len(in) >= 3 && string(in[:3]) == "\xEF\xBB\xBF" {
				want = want[3:]
			}
			if r.Text != want {
				t.Fatalf("valid UTF-8 changed: %q -> %q", in, r.Text)
			}
		}
	})
}
