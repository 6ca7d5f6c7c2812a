"""A style zoo: sentences written for these tests in the conventions of many outlets (wire copy,
broadsheet, tabloid, broadcaster's web page, press release, science abstract, product review,
transcript), each with every quantity it holds and nothing else.

Each case covers a convention of issue 13: currency sub-units, mangled currency signs, numbers
glued to units, names and codes with digits, chemical formulas, citation and footnote numbers,
street numbers, years in context, and two numbers side by side.
"""
import math

import pytest

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.match.units import canonical

# (style, text, [(surface, value, unit), ...]) -- every claim the text holds, in text order
ZOO = [
    # currency sub-units keep their own unit
    ("wire", "Shares of Arlo Mining fell 45 cents to $12.30 in New York trading.",
     [("45 cents", 45, "cent"), ("$12.30", 12.3, "USD")]),
    ("wire", "Shr profit 74 cts vs 61 cts a year earlier.", [("74 cts", 74, "cent"), ("61 cts", 61, "cent")]),
    ("wire", "The board declared a dividend of 12 cts a share.", [("12 cts a share", 12, "cent/share")]),
    ("broadsheet", "Bemis shares rose 3.5p to 245p in London on Tuesday.",
     [("3.5p", 3.5, "pence"), ("245p", 245, "pence")]),
    ("tabloid", "Fury as a pint goes up by 30p AGAIN!", [("30p", 30, "pence")]),
    # "half a dozen" is six, as "half a million" is 500,000 (never the fraction one half)
    ("local paper", "Half a dozen boats were damaged in the storm.", [("Half a dozen", 6, None)]),
    ("broadcaster", "Police said about half a million people lined the route.", [("half a million", 500000, None)]),
    ("broadcaster", "The euro fell 0.3 cents against the dollar.", [("0.3 cents", 0.3, "cent")]),
    # currency signs that arrive as other characters
    ("tabloid", "Cardale paid \u00c2\u00a345m for the striker.", [("\u00c2\u00a345m", 45e6, "GBP")]),
    ("wire", "The club paid PS45m for the striker and PS300 for his boots.",
     [("PS45m", 45e6, "GBP"), ("PS300", 300, "GBP")]),
    ("press release", "The contract is worth \u00e2\u201a\u00ac3bn over ten years.",
     [("\u00e2\u201a\u00ac3bn", 3e9, "EUR"), ("ten years", 10, "year")]),
    ("broadcaster", "Tickets cost &pound;25 each.", [("&pound;25", 25, "GBP")]),
    ("broadcaster", "Jos&#233; paid &#xA3;25 and &#x20AC;30.", [("&#xA3;25", 25, "GBP"), ("&#x20AC;30", 30, "EUR")]),
    ("product review", "It sold 3 million PS4 consoles in a month.", [("3 million", 3e6, None)]),
    # numbers glued to units
    ("product review", "The chip runs at 3.2GHz and draws 15W at idle.", [("3.2GHz", 3.2, "Hz"), ("15W", 15, "W")]),
    ("product review", "It has a 6.3in screen, 4GB of RAM, a 12MP camera and a 3,430mAh battery.",
     [("6.3in", 6.3, "inch"), ("4GB", 4, "data"), ("12MP", 12, "MP"), ("3,430mAh", 3430, "mAh")]),
    ("press release", "Each tablet contains 15mg of the active ingredient.", [("15mg", 15, "mg")]),
    ("tabloid", "His 250cc scooter hit 60mph.", [("250cc", 250, "cc"), ("60mph", 60, "mph")]),
    # names and codes that hold digits
    ("broadsheet", "Operators plan to roll out 5G to 40 cities.", [("40", 40, None)]),
    ("product review", "The Galaxy S9 sold 30 million units.", [("30 million", 30e6, None)]),
    ("wire", "Airbus said the A350-900 carries 315 passengers.", [("315", 315, None)]),
    ("wire", "The carrier ordered 50 787 Dreamliners and 20 A350-900 jets.", [("50", 50, None), ("20", 20, None)]),
    ("broadsheet", "The 777x will seat up to 426 passengers.", [("426", 426, None)]),
    # a screen's "4K" is no kelvin and makes no science prose of a review (where "M" would read molar)
    ("product review", "It streams 4K video from a Radeon Pro 5500M chip to 500 screens.", [("500", 500, None)]),
    ("product review", "Mophie's 3-in-1 charging pad costs $40; 2-in-one laptops sold 5 million.",
     [("$40", 40, "USD"), ("5 million", 5e6, None)]),
    # an age group counts nothing: it names a team or a group by the age its members are under or over
    ("broadcaster", "Pugh, a former Wales Under-21 captain, won 12 caps.", [("12", 12, None)]),
    ("broadsheet", "Bridge draws the over-60 crowd, and the under-five category had 40 entries.", [("40", 40, None)]),
    # a model named once by its count or its maker is that model wherever it is written the same way
    ("broadcaster", "The airline flies 40 737 Max jets. The grounded 737 Max jet has 178 seats.",
     [("40", 40, None), ("178", 178, None)]),
    ("broadsheet", "Kestrel Air ordered 70 Boeing 737-800 planes; its boss said the 737-800 cut costs by 9%.",
     [("70", 70, None), ("9%", 9, "percent")]),
    ("wire", "The FTSE 100 fell 1.2 percent to 7,412 points.",
     [("1.2 percent", 1.2, "percent"), ("7,412 points", 7412, "point")]),
    ("product review", "The Windows 10 update reached 400 million devices.", [("400 million", 400e6, None)]),
    ("product review", "The phone has a 100x zoom.", [("100x", 100, "times")]),
    ("science abstract", "Mice lacking Brca1 and p53 developed 12 tumours.", [("12", 12, None)]),
    ("science abstract", "Parasites of clone 3D7 were grown for 48 hours.", [("48 hours", 48, "h")]),
    # powers of ten written bare, and astronomical units
    ("science news", "The comet is 30 AU out; the galaxy holds 10^11 stars.", [("30 AU", 30, "AU"), ("10^11", 1e11, None)]),
    ("science abstract", "Strain rates between 10\u22125 and 10\u22123 s\u22121 were applied to 6 specimens at 20 \u00b0C.",
     [("10\u22125 and 10\u22123 s\u22121", 1e-5, "s\u22121"), ("6", 6, None), ("20 \u00b0C", 20, "\u00b0C")]),
    # chemical formulas
    ("science abstract", "Samples were heated to 450 \u00b0C for 2 h in 0.5 M H2SO4 (Fig. 3).",
     [("450 \u00b0C", 450, "\u00b0C"), ("2 h", 2, "h"), ("0.5 M", 0.5, "mol")]),
    ("broadcaster", "Sulphuric acid (H2SO4) leaked from 3 tanks.", [("3", 3, None)]),
    ("science abstract", "Exposure to NO2 and PM2.5 raised the risk by 12%.", [("12%", 12, "percent")]),
    # citation and footnote numbers
    ("science abstract", "The CO2 concentration rose to 410 ppm [12].", [("410 ppm", 410, "ppm")]),
    ("science abstract", "Earlier studies [3,4] enrolled 25 patients.", [("25", 25, None)]),
    # street numbers
    ("broadcaster", "Police were called to a house at 14 Elm Road on Tuesday.", []),
    ("wire", "He lives at 10 Downing St. with his family.", []),
    ("broadsheet", "The shop at 221 Baker Street sold 500 copies.", [("500", 500, None)]),
    ("press release", "Arlo Corp will move to 350 Fifth Avenue in 2027.", []),
    ("wire", "The fund made a 1.8 mln dlr loan for 1420 K Street.", [("1.8 mln dlr", 1.8e6, "USD")]),
    # years written as plain numbers
    ("broadsheet", "The plant, built in 1998, employs 1,200 people.", [("1,200", 1200, None)]),
    ("science abstract", "A 2015 survey found 300 cases.", [("300", 300, None)]),
    ("transcript", "In 1969, 600 million people watched the landing.", [("600 million", 600e6, None)]),
    ("broadsheet", "Prices are well above 2004's average, and HDTV will wait until at least 2006.", []),
    ("wire", "Up to 2000 people may attend, as early as 1989 and up.", [("2000", 2000, None)]),
    ("wire", "NOTE: 1986 year net excludes a 440,000 dlr gain; imports rose in the same 1985 month.",
     [("440,000 dlr", 440000, "USD")]),
    ("broadsheet", "The river had its worst 1000 year flood, after 2000 years of calm.",
     [("1000 year", 1000, "year"), ("2000 years", 2000, "year")]),
    ("broadsheet", "Sales were down 4% in 2004 to 789m euros.", [("4%", 4, "percent"), ("789m euros", 789e6, "EUR")]),
    # two numbers side by side
    ("wire", "Boeing has delivered roughly 400 737 Max jets since the ban was lifted.", [("400", 400, None)]),
    ("broadcaster", "Dalby Air said it was parking two new 737 Max jets.", [("two", 2, None)]),
    ("broadsheet", "About 2,000 2026 models were recalled.", [("2,000", 2000, None)]),
    # scientific notation: a power needs a decimal mantissa, a sign or a written "10"; a code does not
    ("science abstract", "Antibody clone 4E10 bound 2.5E6 sites at 3 x 10^4 per cell.",
     [("2.5E6", 2.5e6, None), ("3 x 10^4", 3e4, None)]),
    ("broadcaster", "The 4x100m relay squad shaved 0.3 seconds off the record.", [("0.3 seconds", 0.3, "s")]),
    # a distance glued to "m" in sports pages is metres; a count after it makes it millions
    ("broadcaster", "Rival sprinters lined up for the 60m hurdles, and she won the 800m.",
     [("60m", 60, "m"), ("800m", 800, "m")]),
    ("broadsheet", "The heptathlete cleared 1.86m in the high jump and took the 200m in 23.1 seconds.",
     [("1.86m", 1.86, "m"), ("200m", 200, "m"), ("23.1 seconds", 23.1, "s")]),
    ("broadcaster", "The athletics final drew 2.5m viewers after the 400m and 1500m titles were decided.",
     [("2.5m", 2.5e6, None), ("400m", 400, "m"), ("1500m", 1500, "m")]),
    ("broadsheet", "The album sold 2.7m copies in its first year.", [("2.7m", 2.7e6, None)]),
    # numbered references in parentheses, and labels written "No 10"
    ("health site", "Protein keeps you feeling full for longer (14). Two trials found the same (15, 16).",
     [("Two", 2, None)]),
    ("wire", "Net profit rose to 5.2 mln stg (4.1 mln) on sales of 90 mln stg (84).",
     [("5.2 mln stg", 5.2e6, "GBP"), ("4.1 mln", 4.1e6, "GBP"), ("90 mln stg", 90e6, "GBP"), ("84", 84, None)]),
    ("broadsheet", "A No 10 spokesman said the world No 1 had earned 3 titles.", [("3", 3, None)]),
    ("science abstract", "Sequences are under accession run_3 and took 12 days.", [("12 days", 12, "day")]),
    # a name read inside a sentence is that name where a sentence opens with it
    ("tech blog", "Thunderbolt 3 stays. The laptop keeps four Thunderbolt 3 ports and 2 fans.",
     [("four", 4, None), ("2", 2, None)]),
    # a number word after a label is a rank or a name; a step on a scale is a measure
    ("broadcaster", "The song entered the chart at number four, one place ahead of its rival.",
     [("one", 1, None)]),
    ("wire", "The number two automaker put 401(k) savings at 3 pct.", [("3 pct", 3, "percent")]),
    ("broadsheet", "The sprinter drew lane seven for the final.", []),
    ("broadcaster", "Forecasters expect a category one hurricane within two days.",
     [("one", 1, None), ("two days", 2, "day")]),
    ("tech blog", "Under load the fans reached 44 dBA.", [("44 dBA", 44, "dB")]),
    ("wire", "It earned 44.6 mln intis and 300 mln pesetas; 100 trillion won ($96bn) was set aside. The 2 won.",
     [("44.6 mln intis", 44.6e6, "PEI"), ("300 mln pesetas", 300e6, "ESP"), ("100 trillion won", 1e14, "KRW"),
      ("$96bn", 96e9, "USD"), ("2", 2, None)]),
    # currency signs written after the number, and kitchen measures
    ("product review", "Tickets cost 60,000₩ in Seoul and 45 € in Paris.",
     [("60,000₩", 60000, "KRW"), ("45 €", 45, "EUR")]),
    ("lifestyle", "Stir 2 tbsp of oil and 1 tsp. salt into 3 cups of flour.",
     [("2 tbsp", 2, "tbsp"), ("1 tsp", 1, "tsp"), ("3 cups", 3, "cup")]),
    ("broadcaster", "United have won two cup ties this season.", [("two", 2, None)]),
    # a minus sign glued between two digits joins a range; before a lone number it is a sign
    ("science abstract", "Cells were grown at 20−25 °C for 3−4 days, then frozen to −80 °C.",
     [("20−25 °C", 20, "°C"), ("3−4 days", 3, "day"), ("−80 °C", -80, "°C")]),
    ("press release", "Doors open at 9.30 A.M. and 2,000 guests are expected.", [("2,000", 2000, None)]),
    # a label run ends where a plural noun makes the next number a count
    ("science abstract", "The model of Section 2.3 was applied to 15 cores; see Figs. 2 to 4.", [("15", 15, None)]),
    ("science abstract", "The clamp load was 5 kN, or 5000 newtons.", [("5 kN", 5, "kN"), ("5000 newtons", 5000, "N")]),
    ("wire", "The storm formed near 15N, 40W and packed 90 mph winds.", [("90 mph", 90, "mph")]),
    # a name never groups its thousands; a plural label word before a count is a verb
    ("wire", "Tampico/North Spain 15,000 long tons ore, Brazil 12,000 mt.",
     [("15,000 long tons", 15000, "long ton"), ("12,000 mt", 12000, "tonne")]),
    ("broadsheet", "The new jet seats 290 passengers.", [("290", 290, None)]),
    ("broadsheet", "Ryanair ordered 70 Boeing 737-800 planes.", [("70", 70, None)]),
    # an editor's brackets hold an amount; a reference or an isotope label in brackets is no claim
    ("broadcaster", "The firm said it faced a [0.6% to 0.7%] hit, as noted in [3] for [11C]PK.",
     [("0.6% to 0.7%", 0.6, "percent")]),
    # versions, resolutions and names joined to a capital
    ("tech blog", "Owners on macOS 10.15 get 4K video at 1080p, and the FaceTime camera stays at 720p.", []),
    ("broadsheet", "Shares rose 30p to 720p, valuing the group at £2bn.",
     [("30p", 30, "pence"), ("720p", 720, "pence"), ("£2bn", 2e9, "GBP")]),
    ("wire", "It sold its 7-Eleven stores and filed the 10-K form; the 11-Inch model has 2 ports.",
     [("11", 11, None), ("2", 2, None)]),
    # a quotation mark after a number word closes a quote; it is no foot sign
    ("broadcaster", 'The report said "more than half" the learners passed, and \'half\' of them stayed.',
     [("half", 0.5, "fraction"), ("half", 0.5, "fraction")]),
    # a span of days is a date; "was" is no plural noun after a rank; centigrade alone is a unit
    ("broadcaster", "The festival runs from 24-26 June and the sole new arrival in the top 10 was a ballad.", []),
    ("broadcaster", "In the men's 60m, the Olympic 100m champion came second.", [("60m", 60, "m"), ("100m", 100, "m")]),
    ("wire", "The rubber can be used at 250 centigrade continuously.", [("250 centigrade", 250, "\u00b0C")]),
    # a team line-up's substitution minutes count nothing
    ("broadcaster", "Arlo: Webb, Kerr (Dunne 64), Lowe (Van Dijk 77), Ames. Att: 41,200.", [("41,200", 41200, None)]),
    # thousands grouped by a space stay one number where the text groups that way
    ("science abstract", "The reservoir holds 940 000 tonnes of water.", [("940 000 tonnes", 940000, "tonne")]),
    # a dollar's country written before or after it, as wire copy does ("U.S. Dlrs", "dlrs Canadian")
    ("wire", "Crude traded above 18 U.S. Dlrs a barrel.", [("18 U.S. Dlrs a barrel", 18, "USD/barrel")]),
    ("wire", "Arlo offered 2.1 bln dlrs Canadian (1.6 bln U.S.) for the mine.",
     [("2.1 bln dlrs Canadian", 2.1e9, "CAD"), ("1.6 bln U.S.", 1.6e9, "USD")]),
    ("wire", "The new shares have a par value of 30 H.K. Cents; profit reached 2.4 billion H.K. Dlrs.",
     [("30 H.K. Cents", 30, "cent"), ("2.4 billion H.K. Dlrs", 2.4e9, "HKD")]),
    ("wire", "Farm exports reached 6.3 bln N.Z. Dlrs last year, the board said.", [("6.3 bln N.Z. Dlrs", 6.3e9, "NZD")]),
    ("broadsheet", "A stamp now costs 40 US cents, or 55 Canadian cents.", [("40 US cents", 40, "cent"), ("55 Canadian cents", 55, "cent")]),
    ("wire", "Freight rates rose 5 dlrs Canadian Pacific officials said.", [("5 dlrs", 5, "USD")]),
    # "one" as a pronoun or in an idiom counts nothing; "one" before a noun, "one of", "one or two" count
    ("transcript", "One can see the anger, but one has to look at the figures.", []),
    ("broadsheet", "It was a bold plan, and one that cost 3,000 jobs.", [("3,000", 3000, None)]),
    ("wire", "At one point the shares had shed 40 points.", [("40 points", 40, "point")]),
    ("broadcaster", "The banks fell one by one, and buyers had to pick one or the other.", []),
    ("tabloid", "The last derby was a cracker and the next one in May will be a tense one too.", []),
    ("wire", "One dealer said the bank would lend at one point over Libor to one or two firms.",
     [("One", 1, None), ("one point", 1, "point"), ("one", 1, None), ("two", 2, None)]),
    ("lifestyle", "One can of tomatoes serves two.", [("One", 1, None), ("two", 2, None)]),
    ("broadcaster", "Only one can win, and it was one of the best finals.", [("one", 1, None), ("one", 1, None)]),
    # a chart named with a capital is a rank as much as "the top 40"
    ("broadcaster", "The song entered the Top 40 and spent 12 weeks there.", [("12 weeks", 12, "week")]),
    ("wire", "The Top 10 firms hired 500 people.", [("10", 10, None), ("500", 500, None)]),
    # the second figure of a comparison takes the unit of the first, which news leaves out
    ("wire", "The budget deficit shrank to 9.2 billion dlrs in May from 10.4 billion in April.",
     [("9.2 billion dlrs", 9.2e9, "USD"), ("10.4 billion", 10.4e9, "USD")]),
    ("wire", "Net turnover 3.1 billion crowns vs 2.9 billion", [("3.1 billion crowns", 3.1e9, "SEK"), ("2.9 billion", 2.9e9, "SEK")]),
    ("broadsheet", "Output fell to 1.4m tonnes, down from 1.6m a year earlier.", [("1.4m tonnes", 1.4e6, "tonne"), ("1.6m", 1.6e6, "tonne")]),
    ("broadcaster", "Turnout was 61 per cent, up from 59 at the last election.", [("61 per cent", 61, "percent"), ("59", 59, "percent")]),
    ("wire", "Distillate inventories slid to 112.4 mln barrels against a revised 113.9 mln, the group said.",
     [("112.4 mln barrels", 112.4e6, "barrel"), ("113.9 mln", 113.9e6, "barrel")]),
    ("wire", "The stock fell 5 pct from 48 on Friday.", [("5 pct", 5, "percent"), ("48", 48, None)]),
    ("tabloid", "He scored 12 points against 40 rivals.", [("12 points", 12, "point"), ("40", 40, None)]),
    ("wire", "Sales reached 40 mln dlrs, against 38 mln shares traded.",
     [("40 mln dlrs", 40e6, "USD"), ("38 mln", 38e6, None)]),
    # a tennis set the loser won sits among the winner's sets: a score, as they are; a range stands alone
    ("broadcaster", "Arlo beat the top seed 6-4 3-6 7-6 (7-3) and joins the final eight.", [("eight", 8, None)]),
    ("wire", "Ames won 6-7 (5-7) 6-2 6-3 and earned 45,000 dlrs.", [("45,000 dlrs", 45000, "USD")]),
    ("tabloid", "City drew 2-2, and ticket prices went up 10-15 pct.", [("10-15 pct", 10, "percent")]),
    # a span of days written with a word is a date as "24-26 June" is
    ("press release", "The fair is held from 6 to 9 March and expects 120,000 visitors.", [("120,000", 120000, None)]),
    ("broadsheet", "The paintings are auctioned on 22 and 23 May; 40 lots are left.", [("40", 40, None)]),
    # (and a unit written once after two figures joined by "and" is the unit of both)
    ("wire", "The court jailed him for 10 and 12 months on two counts.", [("10", 10, "month"), ("12 months", 12, "month"), ("two", 2, None)]),
    ("bond desk", "Notes come in denominations of 2,000 and 50,000 euros.", [("2,000", 2000, "EUR"), ("50,000 euros", 50000, "EUR")]),
    # wire copy abbreviates the scale after a number word as after digits
    ("wire", "The well yields about seven mln barrels a year and could earn four mln dlrs.",
     [("seven mln barrels a year", 7e6, "barrel/year"), ("four mln dlrs", 4e6, "USD")]),
    ("wire", "The group will buy four mln shares; two bln dlrs is the cap.", [("four mln", 4e6, None), ("two bln dlrs", 2e9, "USD")]),
    # a unit written once for two figures joined by "to" or "or" that make no range belongs to both
    ("broadcaster", "Recovery will take two or three weeks, the manager said.", [("two", 2, "week"), ("three weeks", 3, "week")]),
    # an estimate word before a span estimates the span: one claim over both ends
    ("wire", "Economists expect growth of roughly 1.5 to two pct and cuts of about 210 to 230 mln dlrs.",
     [("1.5 to two pct", 1.5, "percent"), ("210 to 230 mln dlrs", 210e6, "USD")]),
    ("tabloid", "A scrappy 20 or 30 point win will do, and Arlo shares rose two to 35 on Friday.",
     [("20", 20, "point"), ("30 point", 30, "point"), ("two", 2, None), ("35", 35, None)]),
    ("broadsheet", "On the one hand, one wonders how long one can wait; Smith, for one, is one to watch.", []),
    ("tech blog", "Losing one's passport is bad, so the all in one kit adds 2 locks.", [("2", 2, None)]),
    ("press release", "She has one hand free and one hand-made chair.", [("one", 1, None), ("one", 1, None)]),
    ("wire", "Cash covers one month's sales.", [("one month", 1, "month")]),
    # a number that opens a firm's name counts nothing; a count before a firm's name stays
    ("broadcaster", "Lund sold her 21 Entertainment business, which owns 21 Management, for $90m.", [("$90m", 90e6, "USD")]),
    ("wire", "Arlo hired 20 Capital One staff and 3 Media Partners analysts.", [("20", 20, None)]),
    # a run of scaled figures writes the unit once per sentence; a count noun, a new sentence or a
    # conversion in brackets keeps a figure's own reading
    ("wire", "Kestrel said sales reached 4.2 billion dlrs in 2025 and 3.9 billion in 2024.",
     [("4.2 billion dlrs", 4.2e9, "USD"), ("3.9 billion", 3.9e9, "USD")]),
    ("wire", "Mills shipped 12.5 mln tonnes last year and expects 13.1 mln this year and 14 mln next.",
     [("12.5 mln tonnes", 12.5e6, "tonne"), ("13.1 mln", 13.1e6, "tonne"), ("14 mln", 14e6, "tonne")]),
    ("wire", "Of the 900 mln dlrs sought, 650 mln has been raised.",
     [("900 mln dlrs", 900e6, "USD"), ("650 mln", 650e6, "USD")]),
    ("wire", "It forecast a 2.3 billion yuan surplus after a 1.7 billion deficit.",
     [("2.3 billion yuan", 2.3e9, "CNY"), ("1.7 billion", 1.7e9, "CNY")]),
    ("wire", "Damage was put at 100 mln dls.", [("100 mln dls", 100e6, "USD")]),
    ("broadcaster", "Orbel made \u00a34.5bn last year, and 2.1 million customers joined.",
     [("\u00a34.5bn", 4.5e9, "GBP"), ("2.1 million", 2.1e6, None)]),
    ("broadsheet", "The fund holds \u00a33bn. Some 2.5 million savers use it.",
     [("\u00a33bn", 3e9, "GBP"), ("2.5 million", 2.5e6, None)]),
    # "to X from Y" is a change, a new level and an old one: two figures, never a range
    ("wire", "Quarterly net rose to 31.4 mln dlrs from 27.9 mln a year earlier.",
     [("31.4 mln dlrs", 31.4e6, "USD"), ("27.9 mln", 27.9e6, "USD")]),
    ("broadsheet", "The jobless rate fell to 4.6% from 4.9% in the spring.",
     [("4.6%", 4.6, "percent"), ("4.9%", 4.9, "percent")]),
    ("tabloid", "Ticket prices soar to \u00a3120 from \u00a385!", [("\u00a3120", 120, "GBP"), ("\u00a385", 85, "GBP")]),
    ("broadcaster", "Fares will range from \u00a312 to \u00a318.", [("\u00a312 to \u00a318", 12, "GBP")]),
    ("press release", "Waiting lists fell from 7,420 to 6,150 over the year.", [("7,420", 7420, None), ("6,150", 6150, None)]),
    ("wire", "The Senate voted 88 to 11 to pass the bill.", [("88", 88, None), ("11", 11, None)]),
    ("wire", "The index was off 41.30 points to 2,871.60 at midday.",
     [("41.30 points", 41.3, "point"), ("2,871.60", 2871.6, None)]),
    ("science abstract", "Doses of 5 to 10 mg were given for two to three weeks.",
     [("5 to 10 mg", 5, "mg"), ("two to three weeks", 2, "week")]),
    # a national phone number in groups after a trunk code that opens with 0 counts nothing
    ("broadcaster", "Viewers can ring 0800 731 5520 for advice.", []),
    ("press release", "Media enquiries: 020 3946 0112 or 0161 555 0142.", []),
    ("local paper", "The helpline on 0300 222 1234 took 640 calls.", [("640", 640, None)]),
    ("wire", "Output rose to 0.85 mln tonnes, and 2,400 350 ml cans were sold.",
     [("0.85 mln tonnes", 0.85e6, "tonne"), ("2,400", 2400, None), ("350 ml", 350, "ml")]),
    # "one" for a noun named before, and its idioms; a counted "one" stays
    ("tabloid", "One shop shut last week and another one will go next.", [("One", 1, None)]),
    ("broadcaster", "The decision is a tough one to take, the minister said.", []),
    ("broadsheet", "He has a moral duty, if not a legal one\u201d, to resign.", []),
    ("transcript", "We are not back to square one, and we met one-to-one.", []),
    ("wire", "A 5 pct cut came in March and traders expect a bigger one to follow.", [("5 pct", 5, "percent")]),
    ("wire", "The club sold one striker and bought two defenders.", [("one", 1, None), ("two", 2, None)]),
    ("press release", "Revenue was 80m euros ($95m), up from 61m a year earlier.",
     [("80m euros", 80e6, "EUR"), ("$95m", 95e6, "USD"), ("61m", 61e6, "EUR")]),
    # cubic feet however written, and a percentage by weight or volume in trade copy
    ("product review", "The boot holds 21.7 cu.ft. and the 2.1 cubic foot frunk the rest.",
     [("21.7 cu.ft", 21.7, "cu ft"), ("2.1 cubic foot", 2.1, "cu ft")]),
    ("wire", "Refiners must cut sulphur to 0.05 weight pct and aromatics to 20 volume pct.",
     [("0.05 weight pct", 0.05, "percent"), ("20 volume pct", 20, "percent")]),
]


@pytest.mark.parametrize("style, text, expected", ZOO, ids=[f"{s}: {t[:40]}" for s, t, _ in ZOO])
def test_style_zoo(style, text, expected):
    got = extract_claims(text, "zoo")
    assert [c.surface for c in got] == [e[0] for e in expected], [(c.surface, c.value, c.unit) for c in got]
    for c, (_, value, unit) in zip(got, expected):
        assert math.isclose(c.value, value, rel_tol=1e-9), (c.surface, c.value)
        assert c.unit == unit, (c.surface, c.unit)


def test_sub_units_meet_their_currency_in_the_matcher():
    # "45 cents" and "$0.45" are one amount on the matcher's scale; "30p" and "£0.30" too
    assert canonical("cent")[0] == canonical("USD")[0] and math.isclose(45 * canonical("cent")[1], 0.45)
    assert canonical("pence")[0] == canonical("GBP")[0] and math.isclose(30 * canonical("pence")[1], 0.30)
    assert canonical("cent/share") == (canonical("USD/share")[0], 0.01)


def test_a_comma_grouped_text_never_groups_thousands_with_a_plain_space():
    # the text writes "1,200": "400 737" is two numbers (one of them a model), not 400,737
    got = extract_claims("Of 1,200 orders, 400 737 jets were delivered.", "zoo")
    assert [c.value for c in got] == [1200, 400]


@pytest.mark.parametrize("text, value, unit", [
    ("Index Ends Above 14K for First Time", 14000, None),          # headline: thousands
    ("Tesla sold 50K cars in the quarter.", 50000, None),           # tabloid and trade press
    ("The film was heated to 300K before the scan.", 300, "K"),     # heat words: kelvin
    ("Samples were cooled to 77K (Fig. 2) at 5 \u00b0C.", 77, "K"),  # science prose: kelvin
    ("She won the 10K run in Arlo.", 10, "K"),                       # a race, not 10,000
])
def test_a_glued_capital_k_is_thousands_in_news_and_kelvin_in_science(text, value, unit):
    first = extract_claims(text, "zoo")[0]
    assert math.isclose(first.value, value) and first.unit == unit, (first.surface, first.value, first.unit)


def test_a_scaled_value_is_the_decimal_written_not_its_binary_neighbour():
    # 8.2 x 1e12 in binary is 8199999999999.999; a reader (and an exact comparison) wants 8.2e12
    got = extract_claims("The cap rose to $8.2 trillion; turnover was 16.69 billion crowns vs 8.3 bln.", "zoo")
    assert [c.value for c in got] == [8.2e12, 16.69e9, 8.3e9]


def test_a_figure_over_a_span_of_time_spreads_across_it_and_a_bare_over_is_more_than():
    spread = extract_claims("The minister pledged £960m ($1.8bn) over 15 years to the fund.", "zoo")[-1]
    assert (spread.surface, spread.qualifier, spread.high) == ("15 years", "exact", 15)
    more = extract_claims("She has coached the side for over 15 years.", "zoo")[-1]
    assert (more.surface, more.qualifier) == ("15 years", "at_least")
    # a table's next line that opens with "Over" is a bucket of maturities, not the span of the rate above it
    bucket = extract_claims("180-270 days   3.67 pct\nOver 270 days   4.01 pct", "zoo")
    assert [(c.surface, c.qualifier) for c in bucket if c.unit == "day"][-1] == ("270 days", "at_least")


def test_a_glued_kelvin_marks_science_prose_after_two_digits_or_a_point_not_after_one():
    from claimtrack.stages.extract.claims.numbers import is_science
    assert [is_science(t) for t in ("a 4K TV and an 8K one", "cooled to 77K", "held at 4.2K", "held at 4 K")] == [
        False, True, True, True]
