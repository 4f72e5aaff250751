package actors

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// write creates name in dir with the given lines joined by newlines.
func write(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadUserFilesOverrideAndExtend(t *testing.T) {
	dir := t.TempDir()
	people := write(t, dir, "my-people.tsv",
		"# a correction and an addition",
		"Donald Trump\tDonald John Trump\tUSA\tUSAGOV\tpresident\t2017-01-20\t",
		"Jane Roe\tJ. Roe|Roe\tKOR\tKORGOV\tunification minister\t2024-03-01\t\t# approx",
		"Jane Roe\t\tKOR\tKORMIL\tvice defence minister\t2020-01-01\t2024-02-29",
	)
	countries := write(t, dir, "countries.tsv",
		"GBR\tUnited Kingdom\tUK|Britain|Blighty\tBritish\tLondon",
		"XAN\tAtlantis\t\tAtlantean\tPoseidonia",
	)
	seats := write(t, dir, "seats.tsv",
		"Poseidonia|the Palace of Atlas\tXANGOV\tXAN",
		"Seoul\tKORMIL\tKOR",
	)
	orgs := write(t, dir, "organizations.tsv",
		"XANMED\tAtlantis Herald\tAH\tXAN\tMED",
		"KORMED\tYonhap News Agency\tYonhap|Yonhap News\tKOR\tMED",
	)
	sectors := write(t, dir, "sectors.tsv",
		"hoplite\tMIL",
		"forces\tREB",
	)
	kb, err := Load(countries, seats, orgs, people, sectors)
	if err != nil {
		t.Fatal(err)
	}

	// The user's rows replace every built-in office of the person.
	p, o, ok := kb.Person("Donald Trump", day("2022-03-01"))
	if !ok || o.Actor != "USAGOV" || len(p.Offices) != 1 {
		t.Errorf("overridden Trump on 2022-03-01 = %+v %+v %v", p, o, ok)
	}
	if _, _, ok := kb.Person("Donald John Trump", day("2022-03-01")); !ok {
		t.Error("user alias not found")
	}
	if _, _, ok := kb.Person("Donald J. Trump", day("2022-03-01")); ok {
		t.Error("built-in alias survived the override")
	}
	// A new person, with both offices, the approximate one flagged.
	p, o, ok = kb.Person("J. Roe", day("2025-01-01"))
	if !ok || p.Name != "Jane Roe" || o.Actor != "KORGOV" || !o.Approx {
		t.Errorf("Jane Roe 2025 = %+v %+v %v", p, o, ok)
	}
	if _, o, _ := kb.Person("Roe", day("2022-01-01")); o.Actor != "KORMIL" || o.Approx {
		t.Errorf("Jane Roe 2022 = %+v", o)
	}
	// Other people are untouched.
	if _, o, _ := kb.Person("Jen Psaki", day("2021-03-15")); o.Actor != "USAGOV" {
		t.Errorf("Psaki lost: %+v", o)
	}

	// Country rows replace by code; new codes add.
	if c, ok := kb.Country("Blighty"); !ok || c.Code != "GBR" {
		t.Errorf("Country(Blighty) = %+v %v", c, ok)
	}
	if _, ok := kb.Country("Great Britain"); ok {
		t.Error("replaced country kept a built-in name")
	}
	if c, ok := kb.Country("Atlantean"); !ok || c.Code != "XAN" {
		t.Errorf("Country(Atlantean) = %+v %v", c, ok)
	}

	if code, country, ok := kb.Seat("the Palace of Atlas"); !ok || code != "XANGOV" || country != "XAN" {
		t.Errorf("Seat(Palace of Atlas) = %s %s %v", code, country, ok)
	}
	if code, _, _ := kb.Seat("Seoul"); code != "KORMIL" {
		t.Errorf("Seat(Seoul) = %s, want the user's KORMIL", code)
	}
	if o, ok := kb.Organization("AH"); !ok || o.Code != "XANMED" {
		t.Errorf("Organization(AH) = %+v %v", o, ok)
	}
	if o, ok := kb.Organization("Yonhap News"); !ok || o.Name != "Yonhap News Agency" {
		t.Errorf("Organization(Yonhap News) = %+v %v", o, ok)
	}
	if c, _ := kb.Sector("hoplites"); c != "MIL" {
		t.Errorf("Sector(hoplites) = %q", c)
	}
	if c, _ := kb.Sector("forces"); c != "REB" {
		t.Errorf("Sector(forces) = %q, want the user's REB", c)
	}
	if code, ok := kb.Actor("Atlantean forces", day("2020-01-01")); !ok || code != "XANREB" {
		t.Errorf("Actor(Atlantean forces) = %q %v", code, ok)
	}

	// Loading user files must leave the shared built-in KB alone.
	if _, o, _ := Default().Person("Trump", day("2022-03-01")); !o.IsZero() {
		t.Errorf("Default changed by Load: %+v", o)
	}
	if code, _, _ := Default().Seat("Seoul"); code != "KORGOV" {
		t.Errorf("Default Seoul = %s", code)
	}
}

// A name a user gives to a new entity takes it over from the built-in one
// of the same kind.
func TestLoadShadowsBuiltinNames(t *testing.T) {
	dir := t.TempDir()
	kb, err := Load(write(t, dir, "people.tsv",
		"Vladimir Putin Jr\tPutin\tRUS\tRUSGOV\tnephew\t2020-01-01\t"))
	if err != nil {
		t.Fatal(err)
	}
	p, _, ok := kb.Person("Putin", day("2021-01-01"))
	if !ok || p.Name != "Vladimir Putin Jr" {
		t.Errorf("Person(Putin) = %q %v, want the user's", p.Name, ok)
	}
	if p, _, _ := kb.Person("Vladimir Putin", day("2021-01-01")); p.Name != "Vladimir Putin" {
		t.Errorf("the built-in person's own name was lost: %q", p.Name)
	}
	for _, n := range kb.Names() {
		if n.Text == "Putin" && n.Canonical == "Vladimir Putin" {
			t.Error("Names still lists the shadowed alias")
		}
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a-countries.tsv", "XAN\tAtlantis\t\t\tPoseidonia")
	write(t, dir, "b-people.tsv", "Jane Roe\t\tXAN\tXANGOV\tqueen\t2020-01-01\t")
	write(t, dir, "notes.txt", "not a table")
	kb, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, o, _ := kb.Person("Jane Roe", day("2021-01-01")); o.Actor != "XANGOV" {
		t.Errorf("Jane Roe = %+v", o)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		file  string
		lines []string
		want  string // a substring of the error after "file:line: "
		line  int
	}{
		{"people.tsv", []string{"# ok", "Jane Roe\t\tUSA\tUSAGOV\tpresident\t2020-13-01\t"}, "not YYYY-MM-DD", 2},
		{"people.tsv", []string{"Jane Roe\t\tUSA\tUSAGOV\tpresident\t2020-01-01\t2019-01-01"}, "ends", 1},
		{"people.tsv", []string{"", "Jane Roe\t\tUSA\tUSAGVO\tpresident\t2020-01-01\t"}, "GVO is not a CAMEO role", 2},
		{"people.tsv", []string{"Jane Roe\t\tXYZ\tUSAGOV\tpresident\t2020-01-01\t"}, "unknown country", 1},
		{"people.tsv", []string{"Jane Roe\t\tUSA\tUSAGOV\t\t2020-01-01\t"}, "needs an actor code, a role and a start", 1},
		{"people.tsv", []string{"Jane Roe\t\tUSA\tUSAGOV\tpresident\t2020-01-01\t\tfemale\textra"}, "tab-separated fields", 1},
		{"people.tsv", []string{"Jane Roe\t\tUSA\tUSAGOV\tpresident\t2020-01-01\t\tf"}, "gender \"f\"", 1},
		{"givennames.tsv", []string{"Jane\tfemale", "Jane\tmale"}, "already given at line 1", 2},
		{"givennames.tsv", []string{"Mary Ann\tfemale"}, "not one word", 1},
		{"people.tsv", []string{"Jane Roe\t\tUSA\tUSAGOV\tx\t2020-01-01\t", "Jane Roe\t\tGBR\tGBRGOV\tx\t2020-01-01\t"}, "differs", 2},
		{"countries.tsv", []string{"usa\tAmerica\t\t\t"}, "three capital letters", 1},
		{"countries.tsv", []string{"XAN\tAtlantis\t\t\t", "XAN\tAtlantis\t\t\t"}, "already given at line 1", 2},
		{"seats.tsv", []string{"Poseidonia  XANGOV  XAN"}, "separated by tabs", 1},
		{"seats.tsv", []string{"Poseidonia\tXYZGOV\tXYZ"}, "neither a known country", 1},
		{"organizations.tsv", []string{"USAMED\tSome Paper\t\tUSA\tNEWS"}, "not a known CAMEO role", 1},
		{"sectors.tsv", []string{"hoplite\tHOP"}, "not a known CAMEO role", 1},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		path := write(t, dir, tc.file, tc.lines...)
		_, err := Load(path)
		if err == nil {
			t.Errorf("%s %q: no error", tc.file, tc.lines)
			continue
		}
		prefix := path + ":" + strconv.Itoa(tc.line) + ": "
		if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: error %q, want prefix %q and %q", tc.file, tc.lines, err, prefix, tc.want)
		}
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(write(t, dir, "extra.tsv", "x\ty")); err == nil || !strings.Contains(err.Error(), "which table") {
		t.Errorf("file of unknown table: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing-people.tsv")); err == nil {
		t.Error("missing file: no error")
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(empty); err == nil || !strings.Contains(err.Error(), "no .tsv") {
		t.Errorf("empty directory: %v", err)
	}
}

// Every embedded table is present, so that Default cannot silently lose one.
func TestBuiltinFiles(t *testing.T) {
	files, err := fs.Glob(builtin, "data/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(builtinOrder) {
		t.Errorf("embedded tables %v, want %v", files, builtinOrder)
	}
}

// A name two people share resolves by canonical name, then by who was in
// office on the day, else to nobody.
func TestSharedAliasResolution(t *testing.T) {
	dir := t.TempDir()
	kb, err := Load(write(t, dir, "people.tsv",
		"Park Min\tMinister Park|Park Min-ho\tKOR\tKORGOV\tfinance minister\t2018-01-01\t2019-12-31",
		"Park Min-ho\tMinister Park\tKOR\tKORMIL\tdefence minister\t2020-01-01\t2021-12-31",
		"Lee Soo\tMinister Park\tKOR\tKORGOV\tforeign minister\t2020-06-01\t2020-12-31",
	))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, on, want string }{
		{"Park Min-ho", "2018-06-01", "Park Min-ho"}, // canonical name wins over an alias
		{"Minister Park", "2018-06-01", "Park Min"},  // only one in office
		{"Minister Park", "2021-06-01", "Park Min-ho"},
		{"Minister Park", "2020-07-01", ""}, // two in office
		{"Minister Park", "2023-01-01", ""}, // none in office
	}
	for _, tc := range tests {
		p, _, ok := kb.Person(tc.name, day(tc.on))
		if p.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("Person(%q, %s) = %q %v, want %q", tc.name, tc.on, p.Name, ok, tc.want)
		}
	}
}
