package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The fixtures are written for these tests: a wire story, copies of it as
// other outlets run it, and a different story on the same subject.
const wire = `SEOUL, Oct. 4, 2022 (Meridian) — North Korea fired a ballistic missile over Japan on Tuesday for the first time in five years, prompting Tokyo to issue a rare alert telling residents in the north to take shelter.

The missile flew about 4,600 kilometers and reached an altitude of about 1,000 kilometers before falling into the Pacific Ocean, South Korea's Joint Chiefs of Staff said.

Japanese Prime Minister Fumio Kishida called the launch an act of violence and said his government would respond firmly. Train services in parts of Hokkaido were briefly suspended.

The United States condemned the launch as dangerous and reckless, and its national security adviser spoke with his counterparts in Seoul and Tokyo.

It was North Korea's fifth launch in ten days, and analysts said it could be a prelude to a nuclear test, which would be its first since 2017.`

const credit = "(Reporting by Hannah Cho in Seoul; editing by Tom Ashworth)"

const sameTopic = `TOKYO, Oct. 6, 2022 (Meridian) — North Korea fired two more ballistic missiles toward the sea off its east coast on Thursday, hours after the United States moved an aircraft carrier back into the waters near the Korean Peninsula.

Japan's defense ministry said the missiles flew on irregular paths and landed outside its exclusive economic zone. Prime Minister Fumio Kishida told reporters the launches could not be tolerated.

The U.N. Security Council met on Wednesday to discuss the launch over Japan, but China and Russia said sanctions had failed and blamed Washington's military drills.

South Korea's Joint Chiefs of Staff said its forces had raised their alert level and were working closely with the United States.`

func TestWordsNormalise(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"North Korea's \"new\" ICBM—fired", []string{"north", "koreas", "new", "icbm", "fired"}},
		{"Kim Jong-un’s U.S. trip", []string{"kim", "jong", "uns", "u", "s", "trip"}},
		{"Gipfel in Hanoi endet ohne Einigung; GRÖSSE", []string{"gipfel", "hanoi", "endet", "ohne", "einigung", "grösse"}},
		{"정상회담…'완전한 비핵화'", []string{"정상회담", "완전한", "비핵화"}},
		{"'quoted' 4,600 km", []string{"quoted", "4", "600", "km"}},
		{"The U.N. and the E.U.", []string{"u", "n", "e", "u"}},
	} {
		var got []string
		for _, p := range Words(tc.in) {
			got = append(got, p...)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWordsDropsStopWordsAndKeepsParagraphs(t *testing.T) {
	got := Words("The missile flew over Japan.\nIt fell into the sea.\r\n \u00a0\r\nAnalysts said it was a test.\n\n\n")
	want := [][]string{{"missile", "flew", "japan", "fell", "sea"}, {"analysts", "said", "test"}}
	if len(got) != len(want) {
		t.Fatalf("Words = %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("paragraph %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestShinglesIgnoreParagraphOrderAndFormatting(t *testing.T) {
	paras := strings.Split(wire, "\n\n")
	slices.Reverse(paras)
	reordered := strings.Join(paras, "\n\n")
	if m := Compare(ShinglesOf(wire), ShinglesOf(reordered)); m.Jaccard != 1 {
		t.Errorf("reordered paragraphs: Jaccard %.3f, want 1", m.Jaccard)
	}
	shouted := strings.ToUpper(strings.ReplaceAll(wire, ",", " ,  "))
	if m := Compare(ShinglesOf(wire), ShinglesOf(shouted)); m.Jaccard != 1 {
		t.Errorf("case and punctuation: Jaccard %.3f, want 1", m.Jaccard)
	}
	if n := len(ShinglesOf(credit)); n != 5 {
		t.Errorf("credit line gives %d shingles, want 5 (7 content words)", n)
	}
	if n := len(ShinglesOf("By Hannah Cho")); n != 1 {
		t.Errorf("a paragraph shorter than a shingle gives %d shingles, want 1", n)
	}
	if s := ShinglesOf(" \n—\n "); len(s) != 0 {
		t.Errorf("no words gives %d shingles", len(s))
	}
	// A paragraph of stop words only adds nothing, rather than a shingle
	// every such text would share.
	if a, b := ShinglesOf(wire), ShinglesOf(wire+"\n\nAnd so it was.\n\n"); !slices.Equal(a, b) {
		t.Error("a paragraph of stop words changed the shingles")
	}
}

func TestDecisionOnCopiesAndSameTopic(t *testing.T) {
	orig := ShinglesOf(wire)
	edited := strings.NewReplacer(
		"prompting Tokyo to issue", "leading Tokyo to send",
		"called the launch", "described the launch as",
		"briefly suspended", "halted for a time",
	).Replace(wire)
	truncated := wire[:strings.LastIndex(wire, "\n\n")]
	for name, copy := range map[string]string{
		"credit line":        wire + "\n\n" + credit,
		"headline + chrome":  "North Korea Fires Missile Over Japan\n\nAdvertisement\n\n" + wire + "\n\nMost Popular",
		"three phrases":      edited,
		"last paragraph cut": truncated,
	} {
		m := Compare(orig, ShinglesOf(copy))
		if !m.IsDuplicate() {
			t.Errorf("%s: %+v, want duplicate", name, m)
		}
	}
	if m := Compare(orig, ShinglesOf(sameTopic)); m.IsDuplicate() || m.Jaccard > 0.1 {
		t.Errorf("same topic, other article: %+v, want far from duplicate", m)
	}
	// A short brief wholly inside a longer article does not make the
	// article a copy of the brief.
	brief := strings.Split(wire, "\n\n")[0]
	if m := Compare(ShinglesOf(brief), orig); m.Containment != 1 || m.IsDuplicate() {
		t.Errorf("brief inside article: %+v, want containment 1 and not duplicate", m)
	}
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, want := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		a, b := setsWithJaccard(r, 600, want)
		if exact := Compare(a, b).Jaccard; math.Abs(exact-want) > 0.01 {
			t.Fatalf("fixture: Jaccard %.3f, want %.2f", exact, want)
		}
		// Four standard errors: sqrt(J(1-J)/128) is at most 0.044.
		if got := Similarity(a.Signature(), b.Signature()); math.Abs(got-want) > 4*math.Sqrt(want*(1-want)/NumHashes) {
			t.Errorf("Similarity = %.3f for Jaccard %.2f", got, want)
		}
	}
	a, b := ShinglesOf(wire), ShinglesOf(wire+"\n\n"+credit)
	exact, est := Compare(a, b), EstimateMatch(a.Signature(), b.Signature())
	if math.Abs(exact.Jaccard-est.Jaccard) > 0.1 || math.Abs(exact.Containment-est.Containment) > 0.1 || est.SizeRatio != exact.SizeRatio {
		t.Errorf("EstimateMatch = %+v, exact %+v", est, exact)
	}
	if Similarity(Signature{}, Signature{}) != 0 || Similarity(SignatureOf(""), SignatureOf("")) != 0 {
		t.Error("empty texts are similar")
	}
}

// setsWithJaccard returns two sets of hashed shingles of about n elements
// whose Jaccard similarity is j.
func setsWithJaccard(r *rand.Rand, n int, j float64) (Shingles, Shingles) {
	// |A∩B| = j|A∪B|; with |A∪B| = n, each side adds half the rest.
	inter := int(math.Round(j * float64(n)))
	only := (n - inter) / 2
	var a, b Shingles
	for range inter {
		x := r.Uint64()
		a, b = append(a, x), append(b, x)
	}
	for range only {
		a, b = append(a, r.Uint64()), append(b, r.Uint64())
	}
	slices.Sort(a)
	slices.Sort(b)
	return a, b
}

// TestBandsFollowTheSCurve checks the LSH math in the Bands doc comment:
// the share of pairs of similarity s that share a band is 1-(1-s^r)^b.
func TestBandsFollowTheSCurve(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const trials = 400
	for _, s := range []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.7} {
		hits := 0
		for range trials {
			a, b := setsWithJaccard(r, 200, s)
			if shareAny(a.Signature().Bands(), b.Signature().Bands()) {
				hits++
			}
		}
		got := float64(hits) / trials
		want := 1 - math.Pow(1-math.Pow(s, Rows), Bands)
		// Binomial error of 400 trials is at most 0.025; allow for the
		// sets' Jaccard being rounded.
		if math.Abs(got-want) > 0.08 {
			t.Errorf("s = %.1f: %.3f of pairs share a band, the curve says %.3f", s, got, want)
		}
	}
}

func shareAny(a, b []BandKey) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

func TestBandKeys(t *testing.T) {
	if SignatureOf("").Bands() != nil {
		t.Error("an empty text has band keys: every empty text would match")
	}
	// Equal values in different bands must give different keys, since the
	// store looks keys up without the band index.
	var same Signature
	same.Size = 1
	keys := same.Bands()
	if len(keys) != Bands {
		t.Fatalf("%d keys, want %d", len(keys), Bands)
	}
	seen := map[BandKey]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Fatal("two bands with equal values share a key")
		}
		seen[k] = true
	}
	if !slices.Equal(SignatureOf(wire).Bands(), SignatureOf(wire).Bands()) {
		t.Error("band keys are not deterministic")
	}
}

// TestPersistedFormatIsFrozen fails when a change to normalisation,
// shingling, seeds or banding would make stored signatures and band keys
// disagree with new ones. If the change is meant, bump signatureVersion,
// tell the lead that stored band keys must be recomputed, and update the
// digest.
func TestPersistedFormatIsFrozen(t *testing.T) {
	sig := SignatureOf(wire)
	b, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write(b)
	for _, k := range sig.Bands() {
		h.Write([]byte{byte(k), byte(k >> 8), byte(k >> 16), byte(k >> 24), byte(k >> 32), byte(k >> 40), byte(k >> 48), byte(k >> 56)})
	}
	const want = "757fc35014da2042"
	if got := hex.EncodeToString(h.Sum(nil))[:16]; got != want {
		t.Errorf("signature and band digest = %s, want %s", got, want)
	}
}

func TestSignatureBinaryRoundTrip(t *testing.T) {
	sig := SignatureOf(wire)
	b, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 518 {
		t.Errorf("%d bytes, want 518", len(b))
	}
	var back Signature
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if back != sig {
		t.Error("round trip changed the signature")
	}
	for _, bad := range [][]byte{nil, b[:100], append([]byte{9}, b[1:]...)} {
		if err := back.UnmarshalBinary(bad); !errors.Is(err, ErrSignature) {
			t.Errorf("UnmarshalBinary(%d bytes) = %v, want ErrSignature", len(bad), err)
		}
	}
}

func TestMemIndexRanksByBandsShared(t *testing.T) {
	var x MemIndex
	x.Add(1, []BandKey{10, 11, 12})
	x.Add(2, []BandKey{10})
	x.Add(3, []BandKey{11, 12, 13})
	x.Add(4, []BandKey{99})
	got, _ := x.Candidates([]BandKey{10, 11, 12, 13})
	if want := []int64{3, 1, 2}; !slices.Equal(got, want) {
		// 1 and 3 share three keys each: the lower id first.
		if want := []int64{1, 3, 2}; !slices.Equal(got, want) {
			t.Errorf("Candidates = %v, want %v", got, want)
		}
	}
	if got, _ := x.Candidates([]BandKey{50}); len(got) != 0 {
		t.Errorf("unknown key: %v", got)
	}
}

func TestDetectorFindsTheStoredOriginal(t *testing.T) {
	bodies := map[int64]string{}
	var idx MemIndex
	det := Detector{Index: &idx, Body: func(id int64) (string, error) { return bodies[id], nil }}
	ingest := func(id int64, body string) Check {
		t.Helper()
		c, err := det.Check(body)
		if err != nil {
			t.Fatal(err)
		}
		bodies[id] = body
		idx.Add(id, c.Bands)
		return c
	}
	if c := ingest(1, wire); c.DuplicateOf != 0 {
		t.Errorf("first article: duplicate of %d", c.DuplicateOf)
	}
	if c := ingest(2, sameTopic); c.DuplicateOf != 0 {
		t.Errorf("same-topic article: duplicate of %d (%+v)", c.DuplicateOf, c.Match)
	}
	if c := ingest(3, wire+"\n\n"+credit); c.DuplicateOf != 1 {
		t.Errorf("republished wire copy: duplicate of %d, want 1", c.DuplicateOf)
	}
	if c := ingest(4, ""); c.DuplicateOf != 0 || c.Bands != nil {
		t.Errorf("empty body: %+v", c)
	}
	failing := Detector{Index: &idx, Body: func(int64) (string, error) { return "", errors.New("gone") }}
	if _, err := failing.Check(wire); err == nil {
		t.Error("a failing Body is not reported")
	}
}
