//! Tokens, lexicon matches, sentences and page furniture.

use crate::lexicon::{word_key, Lexicon, Tag};

/// A run of text this long without a sentence end is cut: no real sentence is, and the
/// per-sentence readers stay linear.
const MAX_SENTENCE_TOKENS: usize = 400;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits after a letter), with inner apostrophes.
    Word,
    /// Digits, with inner thousands separators or a decimal point.
    Num,
    /// Any other single character.
    Punct,
}

/// A token: a byte span of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The first character is upper case.
    pub(crate) cap: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits text into tokens. Whitespace is dropped; spans are byte offsets on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // The character at byte `i` and its length: ASCII (most text) needs no decoding.
    let char_at = |i: usize| -> Option<(char, usize)> {
        let &b = bytes.get(i)?;
        if b.is_ascii() {
            Some((char::from(b), 1))
        } else {
            text[i..].chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some((c, clen)) = char_at(pos) {
        let i = pos;
        pos += clen;
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some((d, dlen)) = char_at(pos) {
                if d.is_ascii_digit() {
                    pos += dlen;
                    end = pos;
                } else if (d == ',' || d == '.')
                    && char_at(pos + 1).is_some_and(|(x, _)| x.is_ascii_digit())
                {
                    pos += dlen;
                } else {
                    break;
                }
            }
            // "2nd", "10am": digits glued to letters are a word.
            let mut kind = Kind::Num;
            while let Some((d, dlen)) = char_at(pos) {
                if d.is_alphanumeric() {
                    pos += dlen;
                    end = pos;
                    kind = Kind::Word;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind,
                cap: false,
            });
        } else if c.is_alphanumeric() {
            let mut end = i + clen;
            while let Some((d, dlen)) = char_at(pos) {
                let j = pos;
                if d.is_alphanumeric() {
                    pos += dlen;
                    end = pos;
                } else if is_apostrophe(d)
                    && char_at(j + dlen).is_some_and(|(x, _)| x.is_alphabetic())
                {
                    pos += dlen;
                } else if d == '.' && end - i == clen && c.is_alphabetic() && {
                    let mut next = text[j + 1..].chars();
                    matches!((next.next(), next.next()), (Some(x), Some('.')) if x.is_alphabetic())
                } {
                    // "U.S.", "U.N.": an initialism is one token ("U.S" plus the final stop).
                    pos += dlen;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: Kind::Word,
                cap: c.is_uppercase(),
            });
        } else {
            out.push(Token {
                start: i,
                end: i + clen,
                kind: Kind::Punct,
                cap: false,
            });
        }
    }
    out
}

/// How many bytes pass `f`. Counted in blocks of 255 into a byte, which the compiler turns
/// into SIMD code (a plain `filter().count()` stays one byte at a time).
fn count_bytes(bytes: &[u8], f: impl Fn(&u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, b| n + u8::from(f(b)))))
        .sum()
}

/// Letters and upper-case letters among the first `limit` characters of `text` (by bytes when
/// the text is ASCII, where characters are bytes).
fn count_letters(text: &str, limit: usize) -> (usize, usize) {
    if text.is_ascii() {
        let head = &text.as_bytes()[..text.len().min(limit)];
        return (
            count_bytes(head, u8::is_ascii_alphabetic),
            count_bytes(head, u8::is_ascii_uppercase),
        );
    }
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in text.chars().take(limit) {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    (letters, upper)
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// First token.
    pub(crate) t0: usize,
    /// One past the last token.
    pub(crate) t1: usize,
    /// Paragraph number.
    pub(crate) para: usize,
    /// Page furniture or a content warning: not part of the report.
    pub(crate) excluded: bool,
}

/// A lexicon match starting at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// Number of tokens.
    pub(crate) len: usize,
    pub(crate) tag: Tag,
}

/// A text read once: tokens, lexicon hits per token, sentences.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) lower: String,
    pub(crate) toks: Vec<Token>,
    hit_start: Vec<u32>,
    hits: Vec<Hit>,
    pub(crate) sents: Vec<Sentence>,
    /// Mostly upper-case text: capitals carry no information.
    pub(crate) caps: bool,
    /// The text warns of graphic content.
    pub(crate) graphic: bool,
    /// Endings of a past participle (`events.participle_endings`), for readers that tell a verb
    /// from a name by its ending.
    pub(crate) participle_endings: Vec<String>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, lex: &Lexicon) -> Self {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        // The key of every token's lower-case form, for matching the words of phrases.
        let keys: Vec<u64> = toks
            .iter()
            .map(|t| word_key(&lower.as_bytes()[t.start..t.end]))
            .collect();
        let mut hit_start = Vec::with_capacity(toks.len() + 1);
        // (Many tokens carry a hit, some several: room for two a token saves growing it.)
        let mut hits = Vec::with_capacity(toks.len() * 2);
        for i in 0..toks.len() {
            hit_start.push(hits.len() as u32);
            let t = toks[i];
            let w = &lower[t.start..t.end];
            for p in lex.index.by_first.get(w).into_iter().flatten() {
                let n = p.rest.len();
                if i + n >= toks.len() {
                    continue;
                }
                let ok = p.rest_keys.iter().zip(&keys[i + 1..]).all(|(a, b)| a == b)
                    && p.rest.iter().enumerate().all(|(k, w)| {
                        let u = toks[i + 1 + k];
                        lower.as_bytes()[u.start..u.end] == *w.as_bytes()
                    });
                if ok {
                    for tag in &p.tags {
                        hits.push(Hit {
                            len: n + 1,
                            tag: *tag,
                        });
                    }
                }
            }
            // "Monday's attack", "yesterday's bombing": a possessive day is still a day; "the
            // Finance Ministry's auditor", "the province's governor's convoy": a possessive
            // government word is still one.
            if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
                for p in lex.index.by_first.get(stem).into_iter().flatten() {
                    for &tag in p.tags.iter().filter(|_| p.rest.is_empty()) {
                        if matches!(
                            tag,
                            Tag::Month(_)
                                | Tag::Weekday(_)
                                | Tag::Relative(_)
                                | Tag::CapitalFacility
                                | Tag::SeatOffice
                        ) {
                            hits.push(Hit { len: 1, tag });
                        }
                    }
                }
            }
        }
        hit_start.push(hits.len() as u32);
        // `find` relies on this order: phrases are indexed longest first, and the possessive
        // hits added after them are single tokens.
        debug_assert!(hit_start
            .windows(2)
            .all(|w| hits[w[0] as usize..w[1] as usize]
                .windows(2)
                .all(|p| p[0].len >= p[1].len)));
        let (letters, upper) = count_letters(text, 20_000);
        let caps = letters > 20 && upper * 10 > letters * 7;
        let mut doc = Doc {
            text,
            lower,
            toks,
            hit_start,
            hits,
            sents: Vec::new(),
            caps,
            graphic: false,
            participle_endings: lex.participle_endings.clone(),
        };
        doc.segment();
        doc.mark_furniture();
        doc
    }

    /// Lexicon hits starting at token `i`, longest first.
    #[inline(always)]
    pub(crate) fn hits(&self, i: usize) -> &[Hit] {
        if i + 1 >= self.hit_start.len() {
            return &[];
        }
        &self.hits[self.hit_start[i] as usize..self.hit_start[i + 1] as usize]
    }

    /// The longest hit at `i` whose tag passes `f` (the last of the longest, should several
    /// pass).
    #[inline(always)]
    pub(crate) fn find(&self, i: usize, f: impl Fn(Tag) -> bool) -> Option<Hit> {
        // The hits of a token come longest first (see `new`): the scan stops at the first
        // hit shorter than one found.
        let mut best: Option<Hit> = None;
        for h in self.hits(i) {
            if best.is_some_and(|b| h.len < b.len) {
                break;
            }
            if f(h.tag) {
                best = Some(*h);
            }
        }
        best
    }

    /// The first token of `from..to` with a hit whose tag passes `f`, and its longest such
    /// hit (as [`Doc::find`]): one scan over the hits of the range, which lie side by side,
    /// instead of a look at every token.
    pub(crate) fn next_find(
        &self,
        from: usize,
        to: usize,
        f: impl Fn(Tag) -> bool,
    ) -> Option<(usize, Hit)> {
        let to = to.min(self.toks.len());
        if from >= to {
            return None;
        }
        let (a, b) = (self.hit_start[from] as usize, self.hit_start[to] as usize);
        let p = a + self.hits[a..b].iter().position(|h| f(h.tag))?;
        // The token whose hits hold hit `p`.
        let k = from + self.hit_start[from..=to].partition_point(|&s| s as usize <= p) - 1;
        Some((k, self.find(k, &f)?))
    }

    /// True when a hit starting at a token of `a..b` (of any length) carries a tag passing
    /// `f`: one scan over the hits of the range, which lie side by side.
    pub(crate) fn any_in(&self, a: usize, b: usize, f: impl Fn(Tag) -> bool) -> bool {
        let b = b.min(self.toks.len());
        if a >= b {
            return false;
        }
        let hits = &self.hits[self.hit_start[a] as usize..self.hit_start[b] as usize];
        hits.iter().any(|h| f(h.tag))
    }

    /// True when the single token `i` carries a tag passing `f`.
    #[inline(always)]
    pub(crate) fn is(&self, i: usize, f: impl Fn(Tag) -> bool) -> bool {
        self.hits(i).iter().any(|h| h.len == 1 && f(h.tag))
    }

    /// Is token `k` the stop that closes an initialism ("U.S" + ".")? The tokenizer keeps the
    /// stop apart, so readers that walk a noun phrase step over it.
    pub(crate) fn closes_initialism(&self, k: usize) -> bool {
        k > 0
            && self.is_punct(k, ".")
            && self.toks[k - 1].end == self.toks[k].start
            && self.raw(k - 1).contains('.')
    }

    /// Lower-case text of token `i`.
    pub(crate) fn low(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.lower[t.start..t.end]
    }

    /// Original text of token `i`.
    pub(crate) fn raw(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    /// Byte span of tokens `a..b`.
    pub(crate) fn span(&self, a: usize, b: usize) -> [usize; 2] {
        if a >= b || b > self.toks.len() {
            let p = self.toks.get(a).map_or(0, |t| t.start);
            return [p, p];
        }
        [self.toks[a].start, self.toks[b - 1].end]
    }

    /// Original text of tokens `a..b`.
    pub(crate) fn slice(&self, a: usize, b: usize) -> &str {
        let [s, e] = self.span(a, b);
        &self.text[s..e]
    }

    /// First token of the sentence holding token `i`.
    pub(crate) fn sents_start(&self, i: usize) -> usize {
        let k = self.sents.partition_point(|s| s.t0 <= i);
        if k == 0 {
            0
        } else {
            self.sents[k - 1].t0
        }
    }

    /// Is token `i` a capitalised word (meaningless in upper-case text)?
    pub(crate) fn capword(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.kind == Kind::Word && t.cap && !self.caps
    }

    #[inline]
    pub(crate) fn is_punct(&self, i: usize, s: &str) -> bool {
        let t = self.toks[i];
        // (Compared as bytes: the span is a whole character, and a literal `s` then needs no
        // call to compare.)
        t.kind == Kind::Punct && self.text.as_bytes()[t.start..t.end] == *s.as_bytes()
    }

    fn gap(&self, i: usize) -> &str {
        // Whitespace between token i-1 and token i.
        let a = if i == 0 { 0 } else { self.toks[i - 1].end };
        &self.text[a..self.toks[i].start]
    }

    fn segment(&mut self) {
        let n = self.toks.len();
        if n == 0 {
            return;
        }
        // Wrapped text (fixed-width lines, as wire copy): a single newline is a space.
        let lines: Vec<&str> = self
            .text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let open = lines
            .iter()
            .filter(|l| {
                l.chars()
                    .last()
                    .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | '"' | '\u{201d}'))
            })
            .count();
        let avg = lines.iter().map(|l| l.len()).sum::<usize>() / lines.len().max(1);
        let wrapped = lines.len() >= 3 && open * 2 >= lines.len() && avg > 40;
        let mut para = 0;
        let mut t0 = 0;
        let mut i = 0;
        while i < n {
            if i > t0 {
                let gap = self.gap(i);
                // Most gaps are one space: count newlines by bytes, look for indents only after one.
                let nl = gap.bytes().filter(|&b| b == b'\n').count();
                let indented =
                    nl > 0 && gap.rsplit('\n').next().is_some_and(|tail| tail.len() >= 2);
                let para_break = nl >= 2 || (nl == 1 && (!wrapped || indented));
                if para_break {
                    self.push_sent(t0, i, para);
                    para += 1;
                    t0 = i;
                } else if self.ends_sentence(i - 1, i) || i - t0 >= MAX_SENTENCE_TOKENS {
                    self.push_sent(t0, i, para);
                    t0 = i;
                }
            }
            i += 1;
        }
        self.push_sent(t0, n, para);
    }

    fn push_sent(&mut self, t0: usize, t1: usize, para: usize) {
        if t1 > t0 {
            self.sents.push(Sentence {
                t0,
                t1,
                para,
                excluded: false,
            });
        }
    }

    /// Does the sentence end after token `p` (a stop) given the next token `i`?
    fn ends_sentence(&self, p: usize, i: usize) -> bool {
        let pt = self.toks[p];
        if pt.kind != Kind::Punct {
            return false;
        }
        let c = &self.text[pt.start..pt.end];
        if !matches!(c, "." | "!" | "?") {
            return false;
        }
        let next = self.toks[i];
        let nc = self.text[next.start..].chars().next().unwrap_or(' ');
        let spaced = next.start > pt.end;
        // Closing quotes after the stop stay with the sentence: split after them instead.
        if matches!(nc, '"' | '\u{201d}' | '\'' | ')') && !spaced {
            return false;
        }
        let starts_ok = nc.is_uppercase()
            || nc.is_ascii_digit()
            || matches!(nc, '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '-');
        if !starts_ok {
            return false;
        }
        if c == "." && p > 0 {
            let w = self.toks[p - 1];
            if w.kind == Kind::Word && w.end == pt.start {
                // "Mr.", "Gen.": abbreviations do not end sentences; nor do initials ("J.").
                let initialism = self.text[w.start..w.end].contains('.');
                if initialism || self.is(p - 1, |t| t == crate::lexicon::Tag::Abbreviation) {
                    return false;
                }
                let word = &self.text[w.start..w.end];
                if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
                    return false;
                }
                if !spaced {
                    // "difference.This": only a lower-case word glued to a capitalised one.
                    let prev_lower = word.chars().last().is_some_and(char::is_lowercase);
                    let next_word = self.text[next.start..next.end].to_string();
                    let next_mixed = next_word.chars().skip(1).any(char::is_lowercase);
                    return prev_lower && nc.is_uppercase() && next_mixed;
                }
            }
        }
        spaced
    }

    fn mark_furniture(&mut self) {
        let mut graphic = false;
        let mut para_total: Vec<(usize, usize)> = Vec::new();
        for s in 0..self.sents.len() {
            let (t0, t1, para) = (self.sents[s].t0, self.sents[s].t1, self.sents[s].para);
            if para_total.len() <= para {
                para_total.resize(para + 1, (0, 0));
            }
            let mut furniture = false;
            let mut warning = false;
            let mut whole_line = false;
            for i in t0..t1 {
                for h in self.hits(i) {
                    match h.tag {
                        Tag::Furniture => furniture = true,
                        Tag::Warning => warning = true,
                        // A "whole" entry only counts when it is the whole sentence.
                        Tag::FurnitureWhole => {
                            whole_line |= (t0..t1)
                                .filter(|k| *k < i || *k >= i + h.len)
                                .all(|k| self.toks[k].kind == Kind::Punct);
                        }
                        _ => {}
                    }
                }
            }
            if warning {
                graphic = true;
            }
            let ex = furniture || warning || whole_line;
            self.sents[s].excluded = ex;
            para_total[para].0 += 1;
            para_total[para].1 += usize::from(ex);
        }
        // A paragraph that is half furniture is furniture.
        for s in &mut self.sents {
            let (total, ex) = para_total[s.para];
            if total > 1 && ex * 2 >= total {
                s.excluded = true;
            }
        }
        self.graphic = graphic;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded().expect("lexicon")
    }

    fn sentences(text: &str) -> Vec<String> {
        let l = lex();
        let d = Doc::new(text, &l);
        d.sents
            .iter()
            .map(|s| d.slice(s.t0, s.t1).to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_and_initialisms() {
        let text = "About 1,200 U.S. troops didn't leave.";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            vec!["About", "1,200", "U.S", ".", "troops", "didn't", "leave", "."]
        );
        assert_eq!(toks[1].kind, Kind::Num);
    }

    #[test]
    fn next_find_is_the_first_token_find_finds() {
        let l = lex();
        let d = Doc::new(
            "On Monday's attack in the capital, no one was killed, police said. Gunmen killed \
             three people and wounded 12 others, according to officials, who told Reuters.",
            &l,
        );
        let tests: [fn(Tag) -> bool; 3] = [
            |t| matches!(t, Tag::Trigger(_)),
            |t| matches!(t, Tag::Weekday(_) | Tag::Locative),
            |_| true,
        ];
        let n = d.toks.len();
        for f in tests {
            for from in 0..=n + 1 {
                for to in from..=n + 1 {
                    let naive = (from..to).find_map(|k| d.find(k, f).map(|h| (k, h)));
                    let fast = d.next_find(from, to, f);
                    assert_eq!(
                        naive.map(|(k, h)| (k, h.len)),
                        fast.map(|(k, h)| (k, h.len)),
                        "{from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let s = sentences(
            "Mr. Smith met Gen. Jones in St. Louis. The U.S. Army said so. Maj. Gen. Igor Ivanov left.",
        );
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[1].starts_with("The U.S. Army"));
    }

    #[test]
    fn glued_sentences_split() {
        let s = sentences("It all makes a difference.This video shows the moment.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn wrapped_wire_text_joins_lines() {
        let text = "BOGOTA, 26 SEP 89 (DPA) -- A BOMB EXPLODED IN A SCHOOL IN THE\nSOUTH OF THE CITY TONIGHT AND DAMAGED SEVERAL NEARBY HOUSES AND\nSHOPS.  POLICE SAID NOBODY WAS HURT IN THE BLAST.\n\n   THE ATTACK WAS THE THIRD THIS WEEK IN THE CAPITAL.\n";
        let s = sentences(text);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].ends_with("SHOPS."));
    }

    #[test]
    fn furniture_is_excluded_and_warning_sets_graphic() {
        let l = lex();
        let text = "Town shelled\nWarning: graphic content\nYour donation keeps our reporters going.\nShells hit the market on Monday.\nComments\n";
        let d = Doc::new(text, &l);
        assert!(d.graphic);
        let kept: Vec<&str> = d
            .sents
            .iter()
            .filter(|s| !s.excluded)
            .map(|s| d.slice(s.t0, s.t1))
            .collect();
        assert_eq!(
            kept,
            vec!["Town shelled", "Shells hit the market on Monday."]
        );
    }
}
