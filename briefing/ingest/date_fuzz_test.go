package ingest

import (
	"strings"
	"testing"
)

// FuzzDocumentDate feeds the document-date finder texts, addresses and file names: it must
// give a valid ISO date as precise as found, or none, and never a date that the text does
// not contain, the address or the name do not contain.
func FuzzDocumentDate(f *testing.F) {
	for _, s := range []struct{ text, url, name string }{
		{"Seoul, 12. März 2024. Nordkorea hat Granaten geliefert.", "", "a.txt"},
		{"Title\nPress release\n31 May 2024 13:00\nThe Council today sanctioned six individuals.", "", "b.txt"},
		{"06.12.2024 | Deutscher Bundestag / 20. WP\nRede", "", "c.txt"},
		{"Der Vertrag tritt am 4. Dezember 2024 in Kraft.", "https://press.un.org/en/2024/sc15648.doc.htm", "2024-03-28_veto.txt"},
		{"Geburtsdatum 27. Oktober 1995\nGeburtsort Köln", "", "veto-20240399.md"},
		{strings.Repeat("12.03.2024 ", 300), "", strings.Repeat("2024-", 50)},
		{"sagte ein Sprecher heute (28.06.2024): Wir verurteilen den Test.", "", ""},
		{"Zu Berichten am 30.05.24 sagte ein Sprecher heute (31.05.): Test.", "", ""},
		{"am 30.02.24 sagte ein Sprecher heute (31.02.): Test.", "", ""},
	} {
		f.Add(s.text, s.url, s.name)
	}
	f.Fuzz(func(t *testing.T, text, url, name string) {
		h, body := readHeader(strings.Split(text, "\n"))
		d, src := documentDate("", "", h, strings.Join(body, "\n"), url, name)
		if d == "" {
			if src != "" {
				t.Fatalf("no date but source %q", src)
			}
			return
		}
		if !validISO(d) {
			t.Fatalf("date %q from %s is not a valid ISO date", d, src)
		}
		if src == "" {
			t.Fatalf("date %q without a source", d)
		}
	})
}
