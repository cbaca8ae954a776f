package news

import "strings"

// This file tells a picture's caption above an article's lead from the
// lead: a caption is a sentence, but it ends in the picture's credit, or
// says which photo it describes, or follows a picture's label. Like
// leadskip.go's rules, each is about a line's shape, and none names a
// site.

// captionMaxWords is the most words of a caption passed over: captions of
// news pictures run to two or three sentences (about 50 words with their
// credit); a longer line that ends in a credit is a paragraph that holds a
// picture's credit, not a caption alone. Measured in session 36 on the
// 9,985 extraction-bench texts taken as title-less: at 40, 6 lead titles
// change (5 worse: captions of 41 to 60 words become titles again); at 90
// or 200, none.
const captionMaxWords = 60

// isCaptionLine reports whether a line is a picture's caption: it ends in
// the picture's credit, in brackets ("Crews walk out in Kestra on Monday.
// (AP Photo/Jane Doe)", "(Photo: Jane Doe)") or after a sentence's end or
// a bar ("... on Monday. Photograph: Jane Doe/Wire", "| Image credit:
// Wire"); or it says what picture it describes (", in this file photo
// taken on May 3", the wires' caption form, English); or it is a sentence
// after a picture's label ("Photo: Crews walk out in Kestra on Monday."; a
// headline so marked, "PHOTOS: Storm batters the coast", has no full
// stop).
func isCaptionLine(line string) bool {
	if len(strings.Fields(line)) > captionMaxWords {
		return false
	}
	return endsInBracketedCredit(line) || endsInCredit(line) || saysInThisPhoto(line) || isLabelledCaption(line)
}

// endsInBracketedCredit reports whether the line ends with a credit in
// round brackets ("(AP Photo/Jane Doe)", "(Photo by Jane Doe)", "(Reuters/
// Jane Doe)", "(Jane Doe/Wire News, File)"). A full stop after the
// bracket puts it inside a sentence, which may cite its source in names
// and a slash ("... 30 percent (Wirenews/Ipsos)."): then only a credit
// with a picture's word is one (isPictureCredit).
func endsInBracketedCredit(line string) bool {
	trimmed := strings.TrimSpace(line)
	s := strings.TrimRight(trimmed, ". ")
	if !strings.HasSuffix(s, ")") {
		return false
	}
	open := strings.LastIndex(s, "(")
	if open < 0 {
		return false
	}
	inner := s[open+1 : len(s)-1]
	if len(s) < len(trimmed) {
		return isPictureCredit(inner)
	}
	return isCreditText(inner)
}

// isCreditText reports whether s is a picture's credit: a slash credit of
// names ("Jane Doe/Wire", "Reuters/Jane Doe") or a credit with a
// picture's word (isPictureCredit).
func isCreditText(s string) bool {
	return isSlashCredit(strings.TrimSpace(s)) || isPictureCredit(s)
}

// isPictureCredit reports whether s is a credit that says it is a
// picture's: a credit line ("Photo: Jane Doe", "Photo by Jane Doe",
// "Image credit: Wire"), or an agency's or photographer's credit with a
// picture word before a slash ("AP Photo/Jane Doe", "Wire Pictures/Jane
// Doe, File", "AFP/Wire Images", "AP Photo").
func isPictureCredit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if isCreditLine(s) {
		return true
	}
	head, tail, slashed := strings.Cut(s, "/")
	headWords := strings.Fields(head)
	if len(headWords) == 0 || len(headWords) > slashCreditWords || !readsAsNames(headWords, nil) {
		return false
	}
	last := strings.ToLower(headWords[len(headWords)-1])
	if !slashed {
		// "AP Photo", "Wire Images": a name and a still picture's word; a
		// headline's mark in brackets ("(VIDEO)", "(Photos)") is one word.
		return len(headWords) >= 2 && stillPictureWords[last]
	}
	pictured := creditWords[last] || isAgencyAlone(head)
	tailWords := strings.Fields(strings.ReplaceAll(tail, "/", " "))
	return pictured && len(tailWords) > 0 && len(tailWords) <= slashCreditWords && readsAsNames(tailWords, creditNames)
}

// stillPictureWords end an agency's or a library's credit for a picture
// ("AP Photo", "Wire Images", "Wire Pictures"), lower case.
var stillPictureWords = wordSet("photo photos picture pictures image images foto fotos bild bilder")

// creditMarks end the text of a caption before a credit that follows it
// on the same line: a sentence's end, a bar, a spaced dash.
var creditMarks = []string{". ", " | ", " — ", " – ", " - "}

// endsInCredit reports whether the line's last part, after a sentence's
// end, a bar or a spaced dash, is a credit line ("... on Monday.
// Photograph: Jane Doe/Wire", "... | Image credit: Wire"). The credit
// must open with its credit word (isCreditLine): a sentence's last part
// ("... - Jane Doe/Wire") is too often a name with a slash.
func endsInCredit(line string) bool {
	for _, m := range creditMarks {
		if i := strings.LastIndex(line, m); i > 0 {
			if tail := strings.TrimSpace(line[i+len(m):]); tail != "" && isCreditLine(tail) {
				return true
			}
		}
	}
	return false
}

// photoNouns name a picture in a caption's "in this ... photo" (lower
// case, English).
var photoNouns = wordSet("photo photograph picture image photos pictures images handout still screengrab screenshot")

// inThisPhotoWords is the most words between ", in this" and the photo
// noun: "in this May 3, 2015, file photo" has four, "in this undated
// handout photo provided by" two. Measured in session 36 on the same
// texts: at 2, 1 lead title changes (worse, such a dated file photo's
// caption becomes it); at 8, none.
const inThisPhotoWords = 5

// saysInThisPhoto reports whether a line has the wires' caption form
// ", in this file photo", ", in this undated handout picture": a comma,
// "in this", then a photo noun within a few words (photoFollows). The
// comma is required: a lead may speak of "the man in this photo".
func saysInThisPhoto(line string) bool {
	lower := strings.ToLower(line)
	for at := 0; ; {
		i := strings.Index(lower[at:], ", in this ")
		if i < 0 {
			return false
		}
		at += i + len(", in this ")
		if photoFollows(lower[at:]) {
			return true
		}
	}
}

// photoFollows reports whether s, the lower-case text after a caption's
// "in this", names a photo within inThisPhotoWords words, before its
// phrase ends: a comma after a word of no date closes the phrase ("in
// this case, the images show ...", "in this interview, she says photos
// ..." are a sentence's asides), while a date's commas do not ("in this
// May 3, 2015, file photo", "in this Monday, March 3 photo").
func photoFollows(s string) bool {
	for j, f := range strings.Fields(s) {
		if j > inThisPhotoWords {
			return false
		}
		for _, w := range lowerWords(f) { // "photo,", "handout-photo"
			if photoNouns[w] {
				return true
			}
		}
		if strings.HasSuffix(f, ",") && !isDateWord(strings.TrimSuffix(f, ",")) {
			return false
		}
	}
	return false
}

// isDateWord reports whether a word is a date's: a number ("3", "2015")
// or a month's or day's name.
func isDateWord(w string) bool {
	return hasDigit(w) || calendarWords[w]
}

// pictureLabels open a caption in one word and a colon, in the languages
// leadskip.go reads ("Photo:", "Foto:", "Bild:", "Image:").
var pictureLabels = wordSet("photo picture image foto bild imagen immagine afbeelding photographie")

// isLabelledCaption reports whether a line is a picture's label, one word
// and a colon, then a sentence that ends in a full stop ("Photo: Crews
// walk out in Kestra on Monday."). "PHOTOS: Storm batters the coast" (a
// headline's mark, plural and no stop) and "Photo: Jane Doe" (a credit,
// isCreditLine's) are not.
func isLabelledCaption(line string) bool {
	first, rest, ok := strings.Cut(line, ":")
	if !ok || !pictureLabels[strings.ToLower(strings.TrimSpace(first))] {
		return false
	}
	rest = strings.TrimSpace(rest)
	return strings.HasSuffix(rest, ".") && len(strings.Fields(rest)) >= 3
}
