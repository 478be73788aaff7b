package ingest

import "testing"

// The language is told by the short function words of the first 500 words, whatever their
// case: capitalised at the start of a sentence ("Für", "The") they count as well.
func TestDetectLanguage(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Für die Regierung ist das Abkommen nicht neu. Über die Lieferungen wird berichtet.", "de"},
		{"Über Über Für Für the", "de"},
		{"The treaty is in force and it has been ratified by both sides.", "en"},
		{"Pjöngjang Moskau Seoul", "fr"}, // no function word: the fallback
		{"DER DIE DAS UND", "de"},
	} {
		if got := detectLanguage(c.text, "fr"); got != c.want {
			t.Errorf("detectLanguage(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// needsSpaceFix sees every character spaceFixer replaces, and nothing in ordinary text, so
// that normalize copies a text only when it changes it.
func TestNeedsSpaceFixKnowsTheReplacements(t *testing.T) {
	for i := 0; i < len(spaceFixes); i += 2 {
		if old := spaceFixes[i]; !needsSpaceFix("Nordkorea" + old + "liefert") {
			t.Errorf("needsSpaceFix misses %q", old)
		}
	}
	if needsSpaceFix("„Nordkorea“ – Südkorea: 3.000 Soldaten, größer.\nZweite Zeile.") {
		t.Error("needsSpaceFix wants to change ordinary text")
	}
}
