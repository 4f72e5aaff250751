package timex

import (
	"testing"
	"time"
)

// benchArticle is an invented wire story of about 400 words with the mix of
// time expressions, numbers and names a real one carries.
const benchArticle = `SEOUL, Feb. 28 (Yonhap) -- North Korea's leader Kim Jong Un left Hanoi on Thursday after his second summit with U.S. President Donald Trump ended abruptly without an agreement, officials in Seoul said.

The two leaders had been scheduled to sign a joint statement at 2 p.m. local time, but the ceremony was cancelled and a working lunch was skipped. Trump told reporters that North Korea had demanded the lifting of all sanctions imposed since 2016, a claim Pyongyang's foreign minister disputed at a rare late-night news conference.

The meeting came eight months after the first summit in Singapore on June 12, 2018, where Kim committed to work toward the "complete denuclearization" of the Korean Peninsula. Since then, talks have stalled repeatedly. Working-level negotiators met in Pyongyang in early February and again in Hanoi last week, but failed to narrow differences over the Yongbyon nuclear complex.

South Korean President Moon Jae-in, who has staked his presidency on engagement, said Wednesday he hoped the two sides would meet again soon. Moon is to hold a National Security Council meeting on Friday, his spokesman said, and may travel to Washington next month.

Analysts said the collapse may embolden hard-liners in both capitals. "Theresa May's Brexit troubles look simple next to this," one European diplomat said, asking not to be named.

North Korea has not tested a nuclear device since September 2017 or launched an intercontinental ballistic missile since the Hwasong-15 flew on Nov. 29, 2017. The U.N. Security Council tightened sanctions in Resolution 2397 in December 2017, capping refined petroleum imports at 500,000 barrels a year.

Some 28,500 U.S. troops remain stationed in the South. Washington and Seoul scaled back joint military drills after the Singapore summit, and the allies are expected to announce by March whether the spring exercises will go ahead.

Markets in Seoul fell 1.8 percent, the largest daily drop in three weeks, while the won weakened to 1,124 per dollar. In Tokyo, the Nikkei slipped 0.8 percent.

Trump said he would not rush, adding that he expected to meet Kim again, though no date was set. "It could be soon, it could be later this year," he said. The White House said a report on the summit would be released between March 1 and March 15.

Kim's armored train was expected to reach the Chinese border town of Pingxiang on Saturday morning, two days after leaving Hanoi, state media reported.`

func BenchmarkFind(b *testing.B) {
	pub := time.Date(2019, 2, 28, 9, 30, 0, 0, time.UTC)
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		Find(benchArticle, pub)
	}
}
