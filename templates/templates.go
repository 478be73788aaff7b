// Package templates holds the wording of the briefing (labels, section intros, captions,
// cover and footer text) as Go text/template files, one per language, embedded in the binary.
package templates

import "embed"

// FS holds de.tmpl and en.tmpl.
//
//go:embed *.tmpl
var FS embed.FS
