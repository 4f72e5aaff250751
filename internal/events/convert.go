package events

// CAMEO codes an act by what the sentence commits its source to, not by the
// verb alone. Three conversions follow from the codebook's own definitions:
//
//   - Intent. Root 03 is "express intent to cooperate": a cooperative act
//     that the source says it will do, has agreed, offered, promised or
//     plans to do ("Finland will give Tanzania a grant") is an intent, coded
//     under 03 by the kind of cooperation (04 meetings to 036, 07 aid to
//     033, 08 concessions to 035...). PLOVER agrees: "All cooperative
//     actions reported in future tense are also taken to imply intentions."
//   - Threat. Root 13 is "threaten": a coercive or violent act that the
//     source says it will do, or threatens or vows to do, is a threat,
//     coded under 13 by what is threatened (sanctions 1312, broken relations
//     1313, force 138x).
//   - Refusal. Root 12 is "reject": refusing or declining a cooperative act,
//     or saying one will not do it ("Syria says it will not accept more
//     refugees"), is a rejection, coded under 12 by what is refused.
//
// A plain past negation ("did not attack") is none of these: the event keeps
// its code and is marked Negated.

// intentCode returns the 03x code for a cooperative code of roots 04-08,
// or "".
func intentCode(code string) string {
	if c, ok := intentExact[code]; ok {
		return c
	}
	switch root(code) {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	}
	return ""
}

var intentExact = map[string]string{
	"045": "039", "057": "030",
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
	"082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
	"084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
	"086": "0355", "0861": "0355", "0862": "0355", "0863": "0355",
	"087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
}

// threatCode returns the 13x code for threatening a conflictual act of
// roots 14-20, or "".
func threatCode(code string) string {
	if c, ok := threatExact[code]; ok {
		return c
	}
	switch root(code) {
	case "14":
		return "133"
	case "15":
		return "138"
	case "16":
		return "131"
	case "17":
		return "130"
	case "18":
		return "1383"
	case "19":
		return "1384"
	case "20":
		return "1385"
	}
	return ""
}

var threatExact = map[string]string{
	"161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
	"163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136", "1663": "136",
	"172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"173": "137", "174": "132", "175": "137",
	"191": "1381", "192": "1382",
	"200": "1383", "201": "1383", "202": "1383", "203": "1383",
}

// rejectCode returns the 12x code for refusing a cooperative act of roots
// 03-08, or "".
func rejectCode(code string) string {
	if c, ok := rejectExact[code]; ok {
		return c
	}
	switch root(code) {
	case "03", "05":
		return "120"
	case "04":
		return "125"
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
		return "124"
	}
	return ""
}

var rejectExact = map[string]string{
	"036": "125", "037": "127", "038": "126", "039": "126",
	"045": "126", "057": "127",
	"061": "1211", "062": "1212",
	"071": "1221", "072": "1222", "073": "1223", "074": "1224",
	"081": "1241", "0811": "1241", "0812": "1241", "0813": "1241", "0814": "1241",
	"082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
	"084": "1243", "0841": "1243", "0842": "1243", "085": "1244",
	"086": "1245", "0861": "1245", "0862": "1245", "0863": "1245",
	"087": "1246", "0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246",
}

func root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// cooperative reports whether a code is in roots 03-08, the acts whose
// future is an intent and whose refusal a rejection.
func cooperative(code string) bool {
	r := root(code)
	return r >= "03" && r <= "08"
}

// forceful reports whether a code is in roots 14-20, the acts whose
// announced future is a threat.
func forceful(code string) bool {
	r := root(code)
	return r >= "14" && r <= "20"
}
