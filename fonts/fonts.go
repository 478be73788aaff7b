// Package fonts embeds the DejaVu Sans family (regular, bold, oblique) used by the PDF and
// its charts, so that every character of German text (umlauts, ß, „quotes“, dashes) prints
// in any environment. The fonts are free to embed and redistribute; see LICENSE.
package fonts

import _ "embed"

// The TrueType files of the family.
var (
	//go:embed DejaVuSans.ttf
	Regular []byte
	//go:embed DejaVuSans-Bold.ttf
	Bold []byte
	//go:embed DejaVuSans-Oblique.ttf
	Italic []byte
)

// Family is the name under which the fonts are registered.
const Family = "DejaVuSans"
