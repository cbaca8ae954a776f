package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A dateline's label says publication or update in the languages whose
// dates parseDate reads, not only in English and the languages of western
// Europe: each label is one or the other, never both.
func TestDateLabelsOfMoreLanguages(t *testing.T) {
	updated := []string{"Uppdaterad", "Opdateret", "Oppdatert:", "Päivitetty", "Aktualizováno", "Ažurirano", "Posodobljeno",
		"Güncellendi", "Son güncelleme:", "Actualizat", "Diperbarui", "Dikemaskini", "Frissítve:", "Ενημερώθηκε", "Обновено",
		"Оновлено", "Cập nhật", "更新日：", "更新时间", "수정", "آخر تحديث"}
	published := []string{"Udgivet", "Publisert", "Zveřejněno", "Objavljeno", "Yayınlanma:", "Diterbitkan", "Terbit",
		"Közzétéve:", "Megjelent:", "Δημοσιεύθηκε", "Публикувано", "Опубліковано", "Ngày đăng:", "Đăng lúc", "公開日：",
		"投稿日", "发布时间", "發佈於", "입력", "نشر في"}
	for _, l := range updated {
		if !updatedLabel.MatchString(l) || publishedLabel.MatchString(l) {
			t.Errorf("%q: updated %v, published %v; want an update's label only", l, updatedLabel.MatchString(l), publishedLabel.MatchString(l))
		}
	}
	for _, l := range published {
		if !publishedLabel.MatchString(l) || updatedLabel.MatchString(l) {
			t.Errorf("%q: published %v, updated %v; want a publication's label only", l, publishedLabel.MatchString(l), updatedLabel.MatchString(l))
		}
	}
	for _, l := range []string{"Jane Doe", "Stockholm", "Ankara", "Πολιτική", "経済", "Sport"} {
		if updatedLabel.MatchString(l) || publishedLabel.MatchString(l) {
			t.Errorf("%q is read as a date's label", l)
		}
	}
}

// The ranker sees a Turkish page's update as labelled one and its
// publication as the other, as it sees an English page's.
func TestTurkishDatelineLabelsAreFeatures(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h1>Liman grevi sona erdi</h1>` +
		`<p><span>Yayınlanma: </span><span>12.03.2024</span></p><p><span>Güncellendi: </span><span>14.03.2024</span></p><p>Metin.</p>`))
	if err != nil {
		t.Fatal(err)
	}
	names := DateFeatureNames()
	upd, pub := slices.Index(names, "label_updated"), slices.Index(names, "label_published")
	got := map[string][2]float64{}
	for _, c := range readMeta(doc).dateMetaCandidates("") {
		got[c.Time.Format("2006-01-02")] = [2]float64{c.Features[pub], c.Features[upd]}
	}
	if got["2024-03-12"] != [2]float64{1, 0} || got["2024-03-14"] != [2]float64{0, 1} {
		t.Errorf("label_published, label_updated by day = %v; want 12 March published, 14 March updated", got)
	}
}
