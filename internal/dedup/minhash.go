package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// NumHashes is the length of a signature. The standard error of the
// similarity estimate is sqrt(J(1-J)/NumHashes), 0.044 at J = 0.5: enough
// to rank candidates, not to decide, which is why the decision is taken on
// the exact shingle sets.
const NumHashes = 128

// Bands and Rows split a signature for locality-sensitive hashing: two
// articles become candidates when all Rows values of at least one band are
// equal. For articles of Jaccard similarity s that happens with probability
//
//	P(s) = 1 - (1 - s^Rows)^Bands
//
// an S-curve whose steep part is near (1/Bands)^(1/Rows). With 42 bands of
// 3 rows (126 of the 128 values) that point is 0.29 and
//
//	s     0.1   0.2   0.3   0.4   0.5   0.6   0.8
//	P(s)  0.04  0.29  0.68  0.94  0.996 1.00  1.00
//
// The duplicate decision needs a Jaccard of 0.40 (DuplicateJaccard), or a
// containment of 0.80 at a size ratio of at least a half, which is a
// Jaccard of at least 0.36; the curve passes 94% of pairs at 0.40 and all
// but one in 250 at 0.50, where nearly all copies lie (on the generated
// pairs every copy was a candidate), while pairs below 0.1, distinct
// articles on one topic, seldom cost an exact check. 32×4 would put the step
// at 0.42 and miss 44% of the pairs at 0.40; 16×8 (0.71) would miss copies
// with a tenth of their words edited; 64×2 (0.125) would make a fifth of
// the pairs at 0.06 candidates.
const (
	Bands = 42
	Rows  = 3
)

// seeds are the multipliers and increments of the NumHashes hash functions,
// drawn once from a SplitMix64 stream with a fixed start. They are part of
// the persisted format: changing them invalidates stored signatures and
// band keys (see signatureVersion).
var seeds = func() (s [NumHashes][2]uint64) {
	x := uint64(0x6e657773677261) // "newsgra"
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		return mix64(x)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Signature is the MinHash signature of an article's shingle set, with the
// set's size. It is a fixed-size value (no pointers), cheap to copy and
// compare, and serialises to 518 bytes.
type Signature struct {
	// Size is the number of distinct shingles; 0 for a text with no words.
	Size uint32
	// Min holds, for each hash function, the least value it takes over the
	// shingles (the upper 32 bits of a multiply-shift hash of the shingle's
	// 64-bit hash); all ones when Size is 0.
	Min [NumHashes]uint32
}

// SignatureOf returns the signature of text.
func SignatureOf(text string) Signature { return ShinglesOf(text).Signature() }

// Signature returns the MinHash signature of s. Each hash function is
// h_i(x) = (a_i·x + b_i) >> 32 over the 64-bit shingle hash x, a
// multiply-shift family: x is already well mixed, so this costs one multiply
// per value instead of a full mixer.
func (s Shingles) Signature() Signature {
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	sig.Size = uint32(min(len(s), math.MaxUint32))
	for _, x := range s {
		for i := range sig.Min {
			if v := uint32((seeds[i][0]*x + seeds[i][1]) >> 32); v < sig.Min[i] {
				sig.Min[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b: the fraction of hash functions on which their minima agree. Two
// empty texts are not similar.
func Similarity(a, b Signature) float64 {
	if a.Size == 0 || b.Size == 0 {
		return 0
	}
	eq := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// EstimateMatch estimates the Match of the sets behind a and b from their
// signatures and sizes: |A∩B| = J(|A|+|B|)/(1+J). It lets a caller skip the
// exact check of a candidate that cannot be a duplicate.
func EstimateMatch(a, b Signature) Match {
	j := Similarity(a, b)
	if j == 0 {
		return Match{}
	}
	na, nb := float64(a.Size), float64(b.Size)
	inter := j * (na + nb) / (1 + j)
	lo, hi := min(na, nb), max(na, nb)
	return Match{Jaccard: j, Containment: min(1, inter/lo), SizeRatio: lo / hi}
}

// BandKey identifies one band of one signature: a 64-bit hash of the band's
// index and its Rows values. The index is mixed in so that the store needs
// one indexed integer column (article id, key) and a lookup by key alone;
// equal values in different bands give different keys. A store with signed
// 64-bit integers keeps int64(key).
type BandKey uint64

// Bands returns the signature's Bands band keys, in band order, or nil for
// an empty text, which must match nothing.
func (s Signature) Bands() []BandKey {
	if s.Size == 0 {
		return nil
	}
	keys := make([]BandKey, Bands)
	for b := range Bands {
		h := mix64(uint64(b+1) * 0x9e3779b97f4a7c15)
		for _, v := range s.Min[b*Rows : (b+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = BandKey(h)
	}
	return keys
}

// signatureVersion is the first byte of a serialised signature. It names
// the shingling, the hash seeds and NumHashes; a stored signature of another
// version is rejected rather than compared with new ones.
const signatureVersion = 1

// signatureLen is the length of a serialised signature.
const signatureLen = 2 + 4 + 4*NumHashes

// ErrSignature is returned for bytes that are not a signature of this
// version.
var ErrSignature = errors.New("dedup: not a signature of this version")

// MarshalBinary encodes the signature as a version byte, the hash count,
// the set size and the minima, little-endian: 518 bytes.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, signatureLen)
	b = append(b, signatureVersion, NumHashes&0xff)
	b = binary.LittleEndian.AppendUint32(b, s.Size)
	for _, v := range s.Min {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != signatureLen || b[0] != signatureVersion || b[1] != NumHashes&0xff {
		return fmt.Errorf("%w (%d bytes)", ErrSignature, len(b))
	}
	s.Size = binary.LittleEndian.Uint32(b[2:])
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[6+4*i:])
	}
	return nil
}
