package cluster

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// otherLanguageStories are invented reports in German, French, Spanish,
// Chinese, Japanese and Arabic: per language two outlets' own reports of
// one event and one report of something else (Chinese: two of something
// else).
var otherLanguageStories = []news.Article{
	{ID: "zh-a1", Source: "东方日报", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "青川县山体滑坡造成十二人失踪",
		Text: "青川县周一凌晨发生山体滑坡，至少十二名村民失踪，救援人员正在现场搜救。\n\n县政府表示，连日暴雨导致山坡松动，滑坡掩埋了村里的八栋房屋。\n\n当地已经疏散了三百多名居民。"},
	{ID: "zh-b1", Source: "南海晨报", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Title: "青川县滑坡 十二名村民下落不明",
		Text: "青川县周一发生山体滑坡，十二名村民下落不明，搜救工作仍在进行。\n\n县政府称，持续暴雨使山坡松动，八栋房屋被掩埋。\n\n三百多名居民已被疏散到安全地带。"},
	{ID: "zh-c1", Source: "东方日报", Published: time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), Title: "新能源汽车销量创新高",
		Text: "今年二月，全国新能源汽车销量同比增长三成，创下历史新高。\n\n业内人士认为，电池价格下降和充电设施增加推动了消费者购买。\n\n多家车企表示将扩大生产规模。"},
	{ID: "zh-d1", Source: "南海晨报", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "城市地铁新线开通",
		Text: "本市地铁五号线周一正式开通运营，全长二十八公里，设有二十个车站。\n\n市交通局表示，新线路将缓解城东地区的交通压力。\n\n开通首日客流量超过十万人次。"},
	{ID: "de-a", Source: "Talbote", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "Hochwasser in Kleinwaldau: 300 Menschen evakuiert",
		Text: "Nach tagelangem Regen ist die Wilde Aue in Kleinwaldau über die Ufer getreten. Rund 300 Bewohner mussten in der Nacht zum Montag ihre Häuser verlassen.\n\nDie Feuerwehr war mit 120 Einsatzkräften vor Ort, teilte der Landkreis mit. Verletzt wurde niemand.\n\nDer Pegel soll erst am Dienstag sinken."},
	{ID: "de-b", Source: "Kurier am Abend", Published: time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), Title: "Kleinwaldau: Wilde Aue überflutet Ortskern",
		Text: "In Kleinwaldau hat die Wilde Aue nach starkem Regen den Ortskern überflutet. Etwa 300 Menschen wurden in der Nacht evakuiert.\n\nLaut Landkreis waren 120 Feuerwehrleute im Einsatz; Verletzte gab es keine.\n\nErst ab Dienstag wird mit sinkendem Pegel gerechnet."},
	{ID: "de-c", Source: "Talbote", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "Neue Buslinie verbindet Bergfeld und Talheim",
		Text: "Ab April fährt eine neue Buslinie zwischen Bergfeld und Talheim. Der Bus verkehrt im Stundentakt.\n\nDer Verkehrsverbund rechnet mit 800 Fahrgästen pro Tag. Die Fahrt kostet 2,50 Euro."},
	{ID: "fr-a", Source: "Le Courrier du Val", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "Incendie à Villebrune : 40 familles relogées",
		Text: "Un incendie a ravagé dimanche soir un immeuble de la rue des Tanneurs à Villebrune. Quarante familles ont été relogées.\n\nSelon les pompiers, le feu est parti d'un local à poubelles. Aucun blessé grave n'est à déplorer.\n\nUne enquête a été ouverte."},
	{ID: "fr-b", Source: "La Gazette de l'Ouest", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Title: "Villebrune : un immeuble de la rue des Tanneurs détruit par le feu",
		Text: "À Villebrune, un immeuble de la rue des Tanneurs a été détruit par un incendie dimanche soir. Les pompiers indiquent que le feu a pris dans un local à poubelles.\n\nQuarante familles ont dû être relogées, sans blessé grave.\n\nLa police a ouvert une enquête."},
	{ID: "fr-c", Source: "Le Courrier du Val", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "Le festival de jazz de Montclar annonce sa programmation",
		Text: "Le festival de jazz de Montclar a dévoilé lundi sa programmation. Vingt concerts sont prévus en juillet.\n\nLes organisateurs attendent 15 000 spectateurs."},
	{ID: "es-a", Source: "Diario del Sur", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "Un sismo de magnitud 5,8 sacude Puerto Almendro",
		Text: "Un sismo de magnitud 5,8 sacudió el lunes Puerto Almendro y dejó daños en 50 viviendas, según Protección Civil.\n\nNo se reportaron víctimas. Las clases fueron suspendidas en toda la provincia.\n\nEl epicentro se ubicó a 20 kilómetros de la costa."},
	{ID: "es-b", Source: "El Heraldo Costero", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Title: "Puerto Almendro: 50 viviendas dañadas tras un terremoto",
		Text: "Protección Civil informó que 50 viviendas sufrieron daños por el terremoto de magnitud 5,8 que sacudió Puerto Almendro el lunes.\n\nNo hubo víctimas, y las autoridades suspendieron las clases en la provincia.\n\nEl epicentro estuvo a 20 kilómetros de la costa."},
	{ID: "es-c", Source: "Diario del Sur", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "El club Atlético Ribera ficha a un nuevo entrenador",
		Text: "El club Atlético Ribera anunció el lunes la llegada de un nuevo entrenador para la próxima temporada.\n\nEl técnico firmó un contrato por dos años."},
	{ID: "ja-a", Source: "北海新聞", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "青葉町で大雪、300世帯が停電",
		Text: "青葉町では週末の大雪により、約300世帯で停電が続いている。\n\n電力会社によると、倒木で送電線が切れた。復旧は火曜日になる見込みだ。\n\n町は公民館を避難所として開放した。"},
	{ID: "ja-b", Source: "東西日報", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Title: "大雪で青葉町の約300世帯停電 復旧は火曜日",
		Text: "週末の大雪の影響で、青葉町の約300世帯が停電している。\n\n倒木が送電線を切断したと電力会社は説明しており、復旧は火曜日の見込み。\n\n町は公民館に避難所を開設した。"},
	{ID: "ja-c", Source: "北海新聞", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "市立図書館が改装オープン",
		Text: "市立図書館が三か月の改装工事を終え、月曜日に再オープンした。\n\n新しい閲覧室と子ども向けのコーナーが設けられた。"},
	{ID: "ar-a", Source: "صحيفة الوادي", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Title: "سيول تغمر قرية الواحة وإجلاء مئتي أسرة",
		Text: "غمرت السيول قرية الواحة بعد أمطار غزيرة يوم الاثنين، وتم إجلاء مئتي أسرة من منازلها.\n\nوقال الدفاع المدني إن فرق الإنقاذ انتشلت ثلاث سيارات عالقة ولم تسجل إصابات.\n\nومن المتوقع أن تستمر الأمطار حتى الأربعاء."},
	{ID: "ar-b", Source: "أخبار الساحل", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Title: "إجلاء مئتي أسرة بعد سيول في قرية الواحة",
		Text: "أعلن الدفاع المدني إجلاء مئتي أسرة من قرية الواحة بعد أن غمرتها السيول إثر أمطار غزيرة يوم الاثنين.\n\nوانتشلت فرق الإنقاذ ثلاث سيارات عالقة دون تسجيل إصابات.\n\nويتوقع استمرار الأمطار حتى الأربعاء."},
	{ID: "ar-c", Source: "صحيفة الوادي", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Title: "افتتاح معرض الكتاب في المدينة",
		Text: "افتتح معرض الكتاب السنوي أبوابه يوم الاثنين بمشاركة مئة دار نشر.\n\nويستمر المعرض عشرة أيام."},
}

// TestStoriesInOtherLanguages: the two reports of one event in each
// language share a story, and no other report joins it (session 39: index
// terms of Chinese and Japanese are character bigrams, text.Terms).
func TestStoriesInOtherLanguages(t *testing.T) {
	c := New(Options{})
	story := map[string]string{}
	for _, a := range otherLanguageStories {
		story[a.ID] = c.Add(a).StoryID
	}
	same := [][2]string{{"de-a", "de-b"}, {"fr-a", "fr-b"}, {"es-a", "es-b"}, {"zh-a1", "zh-b1"}, {"ja-a", "ja-b"}, {"ar-a", "ar-b"}}
	for _, p := range same {
		if story[p[0]] != story[p[1]] {
			t.Errorf("%s and %s report one event but are in different stories", p[0], p[1])
		}
	}
	for _, other := range []string{"de-c", "fr-c", "es-c", "zh-c1", "zh-d1", "ja-c", "ar-c"} {
		for _, p := range same {
			if story[other] == story[p[0]] {
				t.Errorf("%s joined the story of %s", other, p[0])
			}
		}
	}
	if story["zh-c1"] == story["zh-d1"] {
		t.Errorf("two unrelated Chinese reports share a story")
	}
}
