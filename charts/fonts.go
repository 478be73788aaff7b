package charts

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"

	"github.com/secbrief/briefing/fonts"
)

// fontSet holds the faces a chart is drawn with.
type fontSet struct {
	regular, bold *truetype.Font
}

// loadFonts parses the DejaVu faces once.
var loadFonts = sync.OnceValues(func() (fontSet, error) {
	regular, err := truetype.Parse(fonts.Regular)
	if err != nil {
		return fontSet{}, fmt.Errorf("parse regular font: %w", err)
	}
	bold, err := truetype.Parse(fonts.Bold)
	if err != nil {
		return fontSet{}, fmt.Errorf("parse bold font: %w", err)
	}
	return fontSet{regular: regular, bold: bold}, nil
})
