#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate data/countries.tsv for Fairwatch.

Codes and reference names come from the iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json, iso-codes 4.15 on Debian 12);
everything else (display names, continents, memberships, aliases) comes from
the hand-written tables below.  Uses only the Python standard library and
runs offline.  See data/COUNTRIES.md for the rules.

Usage: make-countries.py [--iso-json PATH] [--output PATH]
"""

import argparse
import json
import os
import sys
import unicodedata

DEFAULT_ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "countries.tsv")

COLUMNS = ["alpha2", "alpha3", "numeric", "name", "continent",
           "five_eyes", "nato", "eu", "aliases"]

# ---------------------------------------------------------------------------
# Display names.  Default is iso-codes common_name, else name; these override
# it with the short form English-language news media use.
# ---------------------------------------------------------------------------
NAME_OVERRIDES = {
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "IR": "Iran",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "TR": "Turkey",
    "TW": "Taiwan",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    # Already the iso-codes common_name, listed so the table is complete:
    "BO": "Bolivia",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "SY": "Syria",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "VN": "Vietnam",
}

# ---------------------------------------------------------------------------
# Continents: UN M49 regions; Americas split into North America (Northern
# America + Central America + Caribbean) and South America; Antarctica for
# AQ and the uninhabited southern territories BV, GS, HM, TF.
# ---------------------------------------------------------------------------
CONTINENTS = {
    "Africa": """
        DZ EG LY MA SD TN EH
        BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW IO
        AO CM CF TD CG CD GQ GA ST
        BW SZ LS NA ZA
        BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG
    """,
    "Antarctica": "AQ BV GS HM TF",
    "Asia": """
        KZ KG TJ TM UZ
        CN HK MO KP JP MN KR TW
        BN KH ID LA MY MM PH SG TH TL VN
        AF BD BT IN IR MV NP PK LK
        AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE
    """,
    "Europe": """
        BY BG CZ HU PL MD RO RU SK UA
        AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB
        AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES
        AT BE FR DE LI LU MC NL CH
    """,
    "North America": """
        BM CA GL PM US
        BZ CR SV GT HN MX NI PA
        AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC
        MF VC SX TT TC VI
    """,
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": """
        AU CX CC NZ NF
        FJ NC PG SB VU
        GU KI MH FM NR MP PW UM
        AS CK PF NU PN WS TK TO TV WF
    """,
}

# ---------------------------------------------------------------------------
# Memberships.
# ---------------------------------------------------------------------------
FIVE_EYES = set("AU CA NZ GB US".split())

# NATO, 32 members as of 2024 (Finland joined 2023, Sweden 2024).
NATO = set("""
    AL BE BG CA HR CZ DK EE FI FR DE GR HU IS IT LV LT LU ME NL MK NO PL PT
    RO SK SI ES SE TR GB US
""".split())

# European Union, 27 member states (since 2020, without the UK).
EU = set("""
    AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK
    SI ES SE
""".split())

# ---------------------------------------------------------------------------
# Hand-written aliases: English variants, abbreviations, World Bank / UN /
# Natural Earth spellings, former names and native-language names.
# The iso-codes name, common_name and official_name are added automatically
# when they differ from our name, as are accent-free, "St."/"St" and "&"
# variants of the name.  Aliases equal (case-insensitively) to the row's own
# name or codes are dropped; clashes with other rows are fatal errors.
# ---------------------------------------------------------------------------
ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates", "The Emirates",
           "الإمارات العربية المتحدة", "الإمارات"],
    "AF": ["افغانستان", "Islamic Emirate of Afghanistan"],
    "AG": ["Antigua", "Antigua and Barb."],
    "AL": ["Shqipëri", "Shqipëria", "Shqiperia"],
    "AM": ["Հայաստան", "Hayastan"],
    "AR": ["República Argentina"],
    "AT": ["Österreich", "Osterreich", "Oesterreich", "Republik Österreich",
           "Autriche"],
    "AU": ["Commonwealth of Australia"],
    "AX": ["Åland", "Aland"],
    "AZ": ["Azərbaycan", "Azerbaycan"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia Herzegovina",
           "Bosnia and Herz.",
           "Bosna i Hercegovina", "Босна и Херцеговина"],
    "BD": ["বাংলাদেশ"],
    "BE": ["België", "Belgique", "Belgien", "Belgie"],
    "BG": ["България", "Bulgariya"],
    "BH": ["البحرين"],
    "BJ": ["Bénin"],
    "BL": ["St. Barts", "St Barts", "St. Barths", "Saint-Barthélemy",
           "St-Barthélemy"],
    "BO": ["Bolivia (Plurinational State of)"],
    "BQ": ["Caribbean Netherlands", "BES Islands", "Bonaire",
           "Bonaire, Saint Eustatius and Saba"],
    "BR": ["Brasil", "República Federativa do Brasil"],
    "BS": ["The Bahamas", "Bahamas, The"],
    "BV": ["Bouvetøya"],
    "BY": ["Беларусь", "Белоруссия", "Byelorussia", "Belorussia"],
    "CA": ["Kanada"],
    "CC": ["Cocos Islands", "Keeling Islands"],
    "CD": ["Democratic Republic of the Congo", "Democratic Republic of Congo",
           "DRC", "D.R.C.", "DR of the Congo", "Congo-Kinshasa",
           "Congo (Kinshasa)", "Congo, Dem. Rep.", "Dem. Rep. Congo",
           "Congo (DRC)", "Zaire"],
    "CF": ["CAR", "Central African Rep.", "Centrafrique",
           "République centrafricaine"],
    "CG": ["Congo-Brazzaville", "Congo (Brazzaville)", "Congo, Rep.",
           "Republic of Congo", "Congo Republic"],
    "CH": ["Schweiz", "Suisse", "Svizzera", "Svizra",
           "Schweizerische Eidgenossenschaft", "Confoederatio Helvetica"],
    "CI": ["Ivory Coast", "Côte d’Ivoire", "Cote d’Ivoire",
           "Cote dIvoire"],
    "CM": ["Cameroun"],
    "CN": ["PRC", "P.R.C.", "China, People's Republic of", "Mainland China",
           "China (mainland)", "PR China", "P.R. China", "中国",
           "中华人民共和国", "中國", "中華人民共和國"],
    "CV": ["Cape Verde"],
    "CY": ["Κύπρος", "Kıbrıs"],
    "CZ": ["Česko", "Cesko", "Česká republika", "Ceska republika",
           "Czech Rep."],
    "DE": ["Deutschland", "Bundesrepublik Deutschland", "Allemagne",
           "Alemania", "Germania", "BRD"],
    "DK": ["Danmark"],
    "DO": ["Dominican Rep.", "República Dominicana"],
    "DZ": ["Algérie", "Algerie", "الجزائر"],
    "EE": ["Eesti"],
    "EG": ["Egypt, Arab Rep.", "مصر", "Misr"],
    "ES": ["España", "Espana", "Reino de España", "Spanien", "Espagne",
           "Spagna"],
    "ET": ["ኢትዮጵያ"],
    "FI": ["Suomi"],
    "FK": ["Falklands", "Falkland Is.", "Islas Malvinas", "Malvinas"],
    "FM": ["Micronesia (Federated States of)", "Micronesia, Fed. Sts."],
    "FO": ["Faroes", "Faeroe Islands", "Faeroe Is.", "Føroyar", "Færøerne"],
    "FR": ["République française", "Republique francaise", "Frankreich",
           "Francia"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland",
           "Wales", "Northern Ireland", "United Kingdom (UK)",
           "Royaume-Uni", "Vereinigtes Königreich", "Reino Unido"],
    "GE": ["საქართველო", "Sakartvelo"],
    "GF": ["Guyane", "Guyane française"],
    "GG": ["Bailiwick of Guernsey"],
    "GL": ["Kalaallit Nunaat", "Grønland"],
    "GM": ["The Gambia", "Gambia, The"],
    "GQ": ["Eq. Guinea", "Guinea Ecuatorial"],
    "GR": ["Ελλάδα", "Ελλάς", "Hellas", "Ellada"],
    "GS": ["South Georgia", "S. Geo. and the Is."],
    "GW": ["Guinea Bissau"],
    "HK": ["Hong Kong SAR", "Hong Kong SAR, China", "Hong Kong, China",
           "China, Hong Kong SAR", "HKSAR", "香港"],
    "HM": ["Heard and McDonald Islands", "Heard I. and McDonald Is."],
    "HR": ["Hrvatska", "Republika Hrvatska"],
    "HT": ["Haïti", "Ayiti"],
    "HU": ["Magyarország", "Magyarorszag"],
    "ID": ["Republik Indonesia"],
    "IE": ["Éire", "Eire", "Republic of Ireland", "Irish Republic"],
    "IL": ["ישראל", "מדינת ישראל", "Israël", "إسرائيل"],
    "IN": ["Bharat", "भारत", "Bhārat", "भारत गणराज्य"],
    "IO": ["Chagos Islands", "BIOT", "Br. Indian Ocean Ter."],
    "IQ": ["العراق"],
    "IR": ["Iran (Islamic Republic of)", "Iran, Islamic Rep.", "Persia",
           "ایران"],
    "IS": ["Ísland"],
    "IT": ["Italia", "Repubblica Italiana", "Italien", "Italie"],
    "JO": ["الأردن"],
    "JP": ["日本", "日本国", "Nippon", "Nihon"],
    "KG": ["Kirghizia", "Кыргызстан"],
    "KH": ["Kampuchea", "កម្ពុជា"],
    "KN": ["Saint Kitts", "St. Kitts", "St Kitts",
           "Saint Christopher and Nevis"],
    "KP": ["DPRK", "D.P.R.K.", "Korea, Dem. People's Rep.", "Korea, North",
           "North Korea (DPRK)", "Korea (North)", "N. Korea",
           "조선민주주의인민공화국", "조선", "북한"],
    "KR": ["Republic of Korea", "Korea", "Korea, Rep.", "Korea, South",
           "Korea (South)", "ROK", "S. Korea", "대한민국", "한국"],
    "KW": ["الكويت"],
    "KZ": ["Қазақстан", "Казахстан", "Kazakstan"],
    "LA": ["Lao PDR"],
    "LB": ["لبنان", "Liban"],
    "LC": ["Sainte-Lucie"],
    "LK": ["Ceylon", "இலங்கை"],
    "LT": ["Lietuva"],
    "LU": ["Luxemburg", "Lëtzebuerg"],
    "LV": ["Latvija"],
    "LY": ["ليبيا"],
    "MA": ["Maroc", "المغرب"],
    "MD": ["Moldavia"],
    "MF": ["St. Martin (French part)", "Saint-Martin", "St-Martin"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia",
           "The former Yugoslav Republic of Macedonia", "Macedonia, FYR",
           "Северна Македонија", "Македонија"],
    "MM": ["Burma", "Myanmar (Burma)", "Republic of the Union of Myanmar"],
    "MN": ["Монгол Улс"],
    "MO": ["Macao SAR", "Macau SAR", "Macao SAR, China", "China, Macao SAR",
           "Macau, China", "澳門", "澳门"],
    "MP": ["Northern Marianas", "CNMI", "N. Mariana Is."],
    "MR": ["Mauritanie"],
    "MX": ["México", "Estados Unidos Mexicanos"],
    "MZ": ["Moçambique"],
    "NC": ["Nouvelle-Calédonie"],
    "NL": ["Holland", "The Netherlands", "Nederland",
           "Netherlands (Kingdom of the)", "Pays-Bas", "Niederlande"],
    "NO": ["Norge", "Noreg"],
    "NP": ["नेपाल"],
    "NZ": ["Aotearoa", "Aotearoa New Zealand"],
    "OM": ["عُمان", "عمان"],
    "PE": ["Perú"],
    "PF": ["Polynésie française", "Fr. Polynesia"],
    "PH": ["The Philippines", "Pilipinas"],
    "PK": ["پاکستان"],
    "PL": ["Polska", "Rzeczpospolita Polska", "Polen", "Pologne"],
    "PN": ["Pitcairn Is.", "Pitcairn, Henderson, Ducie and Oeno Islands"],
    "PS": ["State of Palestine", "Palestinian Territories",
           "Palestinian Territory", "Occupied Palestinian Territory",
           "West Bank and Gaza", "فلسطين"],
    "PT": ["República Portuguesa"],
    "QA": ["قطر", "دولة قطر"],
    "RE": ["La Réunion"],
    "RO": ["România", "Rumania", "Roumania"],
    "RS": ["Србија", "Srbija", "Republika Srbija"],
    "RU": ["Россия", "Российская Федерация",
           "Rossiya", "Russland", "Russie"],
    "SA": ["KSA", "Saudi", "المملكة العربية السعودية", "السعودية"],
    "SB": ["Solomon Is."],
    "SD": ["السودان"],
    "SE": ["Sverige"],
    "SG": ["Singapura", "新加坡", "சிங்கப்பூர்"],
    "SI": ["Slovenija"],
    "SJ": ["Svalbard"],
    "SK": ["Slovensko", "Slovenská republika"],
    "SN": ["Sénégal"],
    "SR": ["Surinam"],
    "SS": ["S. Sudan"],
    "ST": ["São Tomé and Príncipe", "São Tomé and Principe", "Sao Tome"],
    "SX": ["St. Maarten", "St Maarten"],
    "SY": ["سوريا", "سورية"],
    "SZ": ["Swaziland"],
    "TC": ["Turks and Caicos", "Turks and Caicos Is."],
    "TD": ["Tchad"],
    "TF": ["French Southern and Antarctic Lands", "TAAF",
           "Fr. S. Antarctic Lands"],
    "TH": ["ประเทศไทย", "Siam"],
    "TL": ["East Timor", "Timor Leste"],
    "TM": ["Türkmenistan"],
    "TN": ["Tunisie", "تونس"],
    "TR": ["Turkiye", "Republic of Turkey", "Türkiye Cumhuriyeti"],
    "TT": ["Trinidad"],
    "TW": ["ROC", "R.O.C.", "Republic of China", "Republic of China (Taiwan)",
           "Chinese Taipei", "Taiwan (Province of China)", "中華民國",
           "臺灣", "台灣", "台湾"],
    "UA": ["Україна", "Ukraina", "Ukrayina", "The Ukraine"],
    "UM": ["U.S. Minor Outlying Islands", "US Minor Outlying Islands"],
    "US": ["U.S.", "U.S.A.", "America", "The United States",
           "United States (USA)", "Estados Unidos", "États-Unis",
           "Vereinigte Staaten"],
    "UZ": ["Oʻzbekiston", "O'zbekiston", "Ўзбекистон"],
    "VA": ["Vatican", "Holy See", "Vatican City State",
           "Città del Vaticano", "Stato della Città del Vaticano"],
    "VC": ["Saint Vincent", "St. Vincent", "St Vincent",
           "St. Vin. and Gren."],
    "VE": ["Venezuela (Bolivarian Republic of)", "Venezuela, RB"],
    "VG": ["Virgin Islands (British)", "BVI", "British Virgin Is."],
    "VI": ["US Virgin Islands", "United States Virgin Islands",
           "Virgin Islands (U.S.)", "U.S. Virgin Is.", "USVI"],
    "VN": ["Việt Nam", "Socialist Republic of Vietnam"],
    "WF": ["Wallis and Futuna Islands", "Wallis-et-Futuna",
           "Wallis and Futuna Is."],
    "WS": ["Western Samoa"],
    "YE": ["اليمن", "Yemen, Rep."],
    "ZA": ["RSA", "Suid-Afrika"],
}


def check(cond, msg):
    """Like assert, but not disabled by python3 -O."""
    if not cond:
        sys.exit(f"make-countries.py: error: {msg}")


def fold(s):
    """Strip diacritics; returns s unchanged unless the result is ASCII."""
    out = "".join(c for c in unicodedata.normalize("NFKD", s)
                  if not unicodedata.combining(c))
    return out if out.isascii() else s


def name_variants(name):
    """Accent-free, 'St.'/'St' and '&' spellings of a display name."""
    variants = [name, fold(name)]
    for v in list(variants):
        if v.startswith("Saint "):
            variants += ["St. " + v[6:], "St " + v[6:]]
    for v in list(variants):
        if " and " in v:
            variants.append(v.replace(" and ", " & "))
    return variants[1:]


def clean(value, what):
    check("\t" not in value and "\n" not in value and "|" not in value,
          f"tab, newline or '|' in {what}: {value!r}")
    value = " ".join(value.split())  # trim, collapse internal whitespace
    check(value, f"empty {what}")
    return value


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso-json", default=DEFAULT_ISO_JSON)
    ap.add_argument("--output", "-o", default=DEFAULT_OUTPUT)
    args = ap.parse_args()

    with open(args.iso_json, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]

    continent_of = {}
    for continent, codes in CONTINENTS.items():
        for code in codes.split():
            check(code not in continent_of,
                  f"{code} in two continents")
            continent_of[code] = continent

    iso_codes = {e["alpha_2"] for e in entries}
    for codes, label in ((NAME_OVERRIDES, "NAME_OVERRIDES"),
                         (continent_of, "CONTINENTS"), (ALIASES, "ALIASES"),
                         (FIVE_EYES | NATO | EU, "memberships")):
        unknown = set(codes) - iso_codes
        check(not unknown,
              f"{label}: unknown codes {sorted(unknown)}")

    rows = []
    for e in sorted(entries, key=lambda e: e["alpha_2"]):
        a2, a3, num = e["alpha_2"], e["alpha_3"], e["numeric"]
        check(len(a2) == 2 and a2.isalpha() and a2.isupper(),
              f"bad code {a2!r}")
        check(len(a3) == 3 and a3.isalpha() and a3.isupper(),
              f"bad code {a3!r}")
        check(len(num) == 3 and num.isdigit(),
              f"{a2}: bad numeric {num!r}")
        check(a2 in continent_of,
              f"{a2} has no continent")

        name = clean(NAME_OVERRIDES.get(a2, e.get("common_name", e["name"])),
                     f"name of {a2}")
        automatic = [e.get("official_name", ""), e["name"],
                     e.get("common_name", "")] + name_variants(name)
        hand = ALIASES.get(a2, [])
        candidates = automatic + hand

        own = {name.casefold(), a2.casefold(), a3.casefold()}
        # Hand-written entries must not be redundant: not the row's own name
        # or code, not something added automatically, not listed twice.
        hand_keys = [h.casefold() for h in hand]
        check(len(set(hand_keys)) == len(hand_keys),
              f"{a2}: duplicate hand-written alias")
        redundant = set(hand_keys) & (own | {c.casefold() for c in automatic})
        check(not redundant,
              f"{a2}: redundant hand-written aliases {sorted(redundant)}")

        aliases, seen = [], set(own)
        for c in candidates:
            if not c.strip():
                continue
            c = clean(c, f"alias of {a2}")
            if c.casefold() in seen:
                continue
            seen.add(c.casefold())
            aliases.append(c)

        rows.append({
            "alpha2": a2, "alpha3": a3, "numeric": num, "name": name,
            "continent": continent_of[a2],
            "five_eyes": "1" if a2 in FIVE_EYES else "0",
            "nato": "1" if a2 in NATO else "0",
            "eu": "1" if a2 in EU else "0",
            "aliases": aliases,
        })

    # --- consistency checks ------------------------------------------------
    check(len(rows) == 249,
          f"{len(rows)} rows, expected 249")
    for col, want in (("five_eyes", 5), ("nato", 32), ("eu", 27)):
        got = sum(r[col] == "1" for r in rows)
        check(got == want, f"{got} rows with {col}=1, expected {want}")
    check(len(continent_of) == 249,
          f"{len(continent_of)} codes in CONTINENTS, expected 249")

    # Every name, code and alias must identify exactly one row
    # (case-insensitively); a row's own name/codes may not be its alias.
    owner = {}
    for r in rows:
        for key in (r["alpha2"], r["alpha3"], r["numeric"], r["name"]):
            k = key.casefold()
            check(owner.get(k, r["alpha2"]) == r["alpha2"],
                  f"{key!r} used by {owner.get(k)} and {r['alpha2']}")
            owner[k] = r["alpha2"]
    for r in rows:
        own = {r["alpha2"].casefold(), r["alpha3"].casefold(),
               r["name"].casefold()}
        for a in r["aliases"]:
            k = a.casefold()
            check(k not in own,
                  f"{r['alpha2']}: alias {a!r} is own name/code")
            check(k not in owner, f"{r['alpha2']}: alias {a!r} "
                                  f"already used by {owner.get(k)}")
            owner[k] = r["alpha2"]

    # --- write ---------------------------------------------------------------
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        r = dict(r, aliases="|".join(r["aliases"]))
        lines.append("\t".join(r[c] for c in COLUMNS))
    data = "\n".join(lines) + "\n"
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    print(f"wrote {len(rows)} rows to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
