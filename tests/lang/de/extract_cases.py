"""German news-agency sentences for `tests/lang/test_extract.py`: types, cues, tolls, actors, dates."""

# ruff: noqa: E501

from gaps import gap

PUBLISHED = "2024-03-12"  # a Tuesday: "am Montag" is 2024-03-11

# fmt: off
SUB_EVENTS = [
    ("Armed clash", "Bei Gefechten zwischen der Armee und Dschihadisten nahe Maiduguri sind am Montag mindestens zwei Soldaten getötet worden."),
    ("Armed clash", "Bei Gefechten in Maiduguri wurden am Montag über 130 Menschen getötet."),
    ("Government regains territory", "Regierungstruppen haben nach Armeeangaben die Stadt Maiduguri von den Rebellen zurückerobert."),
    ("Government regains territory", "Die Armee hat nach eigenen Angaben am Sonntag die Stadt Maiduguri von Boko Haram befreit."),
    ("Non-state actor overtakes territory", "Kämpfer der Terrormiliz Al-Schabaab haben am Sonntag einen Vorort von Mogadischu erobert."),
    ("Non-state actor overtakes territory", "Kämpfer der Terrormiliz Al-Schabaab haben am Sonntag die Kontrolle über einen Vorort von Mogadischu übernommen."),
    gap("Non-state actor overtakes territory", "Dschihadisten eroberten am Sonntag nach heftigen Kämpfen einen Armeestützpunkt bei Maiduguri.", reason="SEIZE with CLASH goes to the classifier, which says Armed clash"),
    ("Chemical weapon", "Bei einem Giftgasangriff auf einen Vorort von Aleppo sind am Montag nach Angaben von Helfern Dutzende Menschen ums Leben gekommen."),
    ("Chemical weapon", "Bei einem Angriff mit Chlorgas auf Aleppo mussten am Montag Dutzende Menschen mit Atemnot behandelt werden."),
    ("Air/drone strike", "Bei einem Luftangriff auf Aleppo sind am Montag mehrere Zivilisten getötet worden."),
    ("Air/drone strike", "Bei einem Drohnenangriff nahe Mogadischu wurden am Montag drei Al-Schabaab-Kämpfer getötet."),
    ("Suicide bomb", "Ein Selbstmordattentäter hat sich am Montag in Kabul in die Luft gesprengt und mindestens sechs Menschen mit in den Tod gerissen."),
    ("Suicide bomb", "Eine Selbstmordattentäterin hat sich am Montag vor einer Moschee in Maiduguri in die Luft gesprengt."),
    ("Shelling/artillery/missile attack", "Die russische Armee hat Kiew in der Nacht zum Montag erneut mit Raketen beschossen."),
    ("Shelling/artillery/missile attack", "Die Armee beschoss am Montag Stellungen der RSF in Khartum mit Artillerie."),
    ("Remote explosive/landmine/IED", "Am Montag explodierte in Mogadischu ein am Straßenrand versteckter Sprengsatz."),
    ("Remote explosive/landmine/IED", "Ein Armeefahrzeug fuhr am Montag bei Maiduguri auf eine Landmine, dabei starben drei Soldaten."),
    ("Grenade", "Unbekannte warfen am Montag eine Handgranate auf einen Markt in Bamako, drei Menschen wurden verletzt."),
    ("Sexual violence", "Soldaten haben am Montag in einem Dorf bei Bamako zwei Frauen vergewaltigt, berichtete eine Menschenrechtsorganisation."),
    ("Attack", "Bewaffnete haben am Montag in einem Dorf bei Maiduguri fünf Dorfbewohner erschossen."),
    ("Abduction/forced disappearance", "Bewaffnete haben am Montag in Maiduguri zwölf Schüler entführt."),
    ("Abduction/forced disappearance", "Bewaffnete verschleppten am Montag in Maiduguri einen Priester."),
    ("Peaceful protest", "Hunderte Menschen haben am Sonntag in Khartum friedlich gegen die Militärregierung demonstriert."),
    ("Peaceful protest", "In Kiew demonstrierten am Samstag Tausende Menschen für die Freilassung von Kriegsgefangenen."),
    ("Protest with intervention", "Die Polizei hat am Sonntag eine Kundgebung in Khartum mit Tränengas aufgelöst."),
    ("Excessive force against protesters", "Sicherheitskräfte haben am Sonntag in Khartum mit scharfer Munition auf Demonstranten geschossen, mindestens zwei Menschen starben."),
    ("Excessive force against protesters", "Polizisten prügelten am Sonntag in Khartum mit Schlagstöcken auf Demonstranten ein, mindestens drei Menschen wurden getötet."),
    ("Violent demonstration", "Bei Ausschreitungen nach einer Demonstration in Bamako warfen Jugendliche am Sonntag Steine auf Polizisten und zündeten Autos an."),
    ("Violent demonstration", "Demonstranten steckten am Sonntag in Bamako Reifen in Brand und errichteten Barrikaden."),
    ("Mob violence", "Ein wütender Mob hat am Montag in einem Vorort von Bamako einen mutmaßlichen Dieb gelyncht."),
    ("Agreement", "Die Regierung und die Rebellen haben am Montag in Khartum eine Waffenruhe vereinbart."),
    ("Agreement", "Die Konfliktparteien unterzeichneten am Montag in Khartum ein Friedensabkommen."),
    ("Arrests", "Die Polizei hat am Montag in Kabul drei mutmaßliche IS-Mitglieder festgenommen."),
    gap("Arrests", "Sicherheitskräfte nahmen am Montag in Bamako einen Oppositionspolitiker fest.", reason="separable verb 'nahmen … fest' is no ARREST term: no event"),
    ("Disrupted weapons use", "Die ukrainische Luftabwehr hat in der Nacht zum Montag über Kiew mehrere russische Drohnen abgeschossen."),
    ("Disrupted weapons use", "Die Polizei hat am Montag in Mogadischu eine Autobombe entschärft."),
    ("Looting/property destruction", "Bewaffnete haben am Montag in Maiduguri Geschäfte geplündert und Häuser in Brand gesteckt."),
    ("Looting/property destruction", "Nach der Einnahme des Viertels plünderten RSF-Kämpfer am Montag den Zentralmarkt von Khartum."),
    ("Change to group/activity", "Die Armee hat am Montag Verstärkung nach Maiduguri verlegt."),
    gap("Change to group/activity", "Die Armee zog am Montag ihre Truppen aus Maiduguri ab.", reason="separable verb 'zog … ab' is no DEPLOY term (only the noun 'Abzug'): no event"),
    ("Peaceful protest", "Demonstranten blockierten am Montag mit Transparenten eine Autobahn bei Lagos, sagte ein Polizeisprecher."),
    ("Violent demonstration", "Bei gewaltsamen Protesten gegen die Regierung in Santiago sind am Sonntag drei Menschen ums Leben gekommen."),
    ("Air/drone strike", "Bei einem US-Angriff auf einen syrischen Luftwaffenstützpunkt bei Homs sind am Montag neun Zivilisten getötet worden."),
    ("Air/drone strike", "Regierungshubschrauber warfen am Montag Fassbomben auf ein Dorf bei Aleppo, sechs Zivilisten starben."),
    ("Peaceful protest", "Am Montag protestierten Arbeiter einer Textilfabrik in Lagos gegen Löhne, die seit Jahresbeginn nicht gezahlt wurden."),
    ("Shelling/artillery/missile attack", "Die Armee hat am Montag Stellungen der Rebellen bei Slavne mit 122-mm-Artillerie beschossen. Beobachter zählten 16 Explosionen bei Slavne."),
]
# fmt: on


# fmt: off
NO_EVENT = [
    "Die Armee dementierte, Zivilisten angegriffen zu haben.",
    ("Die Armee dementierte, am Montag in Maiduguri Zivilisten angegriffen zu haben."),
    ("Ein Armeesprecher bestritt, dass Soldaten bei Maiduguri Zivilisten getötet hätten."),
    "Die Miliz drohte mit Anschlägen auf Regierungsgebäude in Bamako.",
    "Die Regierung plant eine Offensive gegen die Rebellen in Maiduguri.",
    "Die Regierung plant einen Angriff auf die Rebellen in Maiduguri.",
    "Al-Schabaab kündigte weitere Angriffe auf Mogadischu an.",
    "Die Polizei warnte vor möglichen Anschlägen in Kabul.",
    "Die Luftwaffe hat nach eigenen Angaben keine Luftangriffe auf Aleppo geflogen.",
    "In Mogadischu gibt es immer wieder Anschläge der Al-Schabaab.",
    ("Rebellen haben Aleppo wiederholt mit Raketen beschossen."),
    ("Seit dem Beginn des Krieges wurden in Kiew Hunderte Menschen getötet."),
    "Für Samstagabend ist in Leipzig eine weitere Demonstration gegen die Regierung angemeldet.",
    "Ob zuerst ein Waffenstillstand oder Verhandlungen kommen, ist zwischen den Konfliktparteien umstritten.",
    "Die Armee will nach eigenen Angaben das ganze Land wieder unter ihre Kontrolle bringen.",
    "Die Rebellen verlangten die Freilassung von Gefangenen im Gegenzug für die Einstellung der Angriffe auf Pipelines.",
    "Besser wäre es, wenn die Armee ihre Angriffe auf die Rebellen bei Maiduguri sofort einstellen würde.",
    "Die Militärkoalition berichtet seit drei Wochen fast täglich von Luftangriffen auf Stellungen der Rebellen bei Marib.",
    "Seit Jahresbeginn sind bei Angriffen in Borno mehr als 300 Menschen getötet worden.",
]
# fmt: on


# fmt: off
FATALITIES = [
    ("Bei Gefechten zwischen der Armee und Dschihadisten nahe Maiduguri sind am Montag mindestens zwei Soldaten getötet worden.", 2),
    ("Bei Gefechten in Maiduguri wurden am Montag über 130 Menschen getötet.", 130),
    ("Bei einem Luftangriff auf einen Markt in Aleppo sind am Montag Dutzende Zivilisten ums Leben gekommen.", 12),
    ("Bei dem Massaker in einem Dorf bei Maiduguri wurden am Montag nach Angaben von Anwohnern Hunderte Menschen getötet.", 100),
    ("Bei einem Luftangriff auf Aleppo sind am Montag mehrere Zivilisten getötet worden.", 3),
    ("Bei einem Angriff auf einen Kontrollpunkt bei Maiduguri wurde am Montag ein Soldat getötet.", 1),
    ("Bei der Explosion einer Autobombe in Mogadischu gab es am Montag mindestens zwei Tote und fünf Verletzte.", 2),
    ("Bei Kämpfen zwischen der Armee und Aufständischen in Maiduguri sind am Montag 30 Kämpfer und 130 Zivilisten getötet worden.", 160),
    ("Bei einem Angriff in Maiduguri wurden am Montag 30 Kämpfer und nach Behördenangaben 130 Zivilisten getötet.", 160),
    ("Nach dem Raketenangriff auf Kiew vom Montag stieg die Zahl der Todesopfer auf 25.", 25),
    ("Bei einem Anschlag in Kabul wurden am Montag drei Menschen verletzt.", 0),
    ("Bei dem Anschlag in Mogadischu gab es keine Todesopfer, teilte die Polizei am Montag mit.", 0),
    ("Ein Selbstmordattentäter hat sich am Montag in Kabul in die Luft gesprengt und mindestens sechs Menschen mit in den Tod gerissen.", 6),
    ("Bewaffnete überfielen am Montag ein Dorf bei Maiduguri und töteten mindestens zwölf Dorfbewohner.", 12),
    ("IS-Kämpfer haben am Sonntag einen Kontrollpunkt bei Aleppo angegriffen und drei Soldaten getötet.", 3),
    ("Dutzende Tote bei Angriff auf Dorf in Nigeria. Bewaffnete haben am Montag in einem Dorf bei Maiduguri rund 45 Menschen getötet.", 45),
    ("Bei Gefechten bei Maiduguri sind am Montag Dutzende Menschen getötet worden, darunter 25 Soldaten.", 25),
    ("Am Montag wurden bei Maiduguri 13 Zivilisten, darunter zwei Helfer einer Bürgerwehr, getötet.", 13),
    ("Den Rebellen wird die Tötung von drei Soldaten bei Saravena am Montag zur Last gelegt.", 3),
    ("Bei einem Anschlag in Kabul ist am Montag ein Passant getötet worden.", 1),
]
# fmt: on


# fmt: off
ACTORS = [  # ACLED writes some groups "SDF: Syrian Democratic Forces"; the part before ":" is enough
    ("IS-Kämpfer haben am Montag bei Aleppo zwei Zivilisten getötet.", "Islamic State", 2),
    ("Kämpfer der Terrormiliz IS haben am Montag bei Aleppo zwei Zivilisten getötet.", "Islamic State", 2),
    ("Daesh-Kämpfer haben am Montag bei Aleppo drei Zivilisten entführt.", "Islamic State", 2),
    ("Der IS bekannte sich zu dem Anschlag. Die Dschihadisten haben am Sonntag in Aleppo zwei Zivilisten getötet.", "Islamic State", 2),
    ("Die Terrormiliz Islamischer Staat hat sich zu dem Anschlag bekannt. Die Terrormiliz hatte am Montag in Aleppo drei Zivilisten getötet.", "Islamic State", 2),
    ("Kämpfer der Syrischen Demokratischen Kräfte lieferten sich am Sonntag bei Aleppo Gefechte mit Regierungstruppen.", "SDF", 2),
    ("Die QSD haben am Sonntag bei Aleppo einen IS-Anführer festgenommen.", "SDF", 2),
    ("Die türkische Armee hat am Montag Stellungen der SDF bei Aleppo im Norden Syriens mit Artillerie beschossen.", "Military Forces of Turkey", 8),
    ("Türkische und russische Truppen haben am Montag eine gemeinsame Patrouille bei Idlib abgehalten.", "Military Forces of Turkey", 8),
    ("Die türkische Armee hat am Montag Stellungen der SDF bei Aleppo mit Artillerie beschossen.", "Military Forces of Turkey", 8),
    ("Die russische Armee hat Kiew am Montag mit Raketen beschossen.", "Military Forces of Russia", 8),
    ("Die syrische Armee hat am Montag Stellungen der Rebellen bei Aleppo beschossen.", "Military Forces of Syria", 1),
    ("Bei Gefechten zwischen der Armee und Dschihadisten nahe Maiduguri sind am Montag mindestens zwei Soldaten getötet worden.", "Military Forces of Nigeria", 1),
    gap("Am Montag griffen Boko-Haram-Kämpfer ein Dorf bei Maiduguri an.", "Boko Haram", 2, reason="hyphenated 'Boko-Haram-Kämpfer' does not match the alias 'Boko Haram': Unidentified Armed Group"),
    ("Vier Soldaten in Mali getötet. Bei einem Angriff im Zentrum Malis sind am Montag mindestens vier Soldaten getötet worden.", "Unidentified Armed Group (Mali)", 3),
    ("Mindestens 20 Zivilisten bei Luftangriffen der Militärkoalition im Jemen getötet. Die Luftangriffe trafen am Montag einen Markt in Sanaa.", "Operation Restoring Hope", 8),
    ("Bei einem Anschlag in Kabul sind am Montag elf Menschen getötet worden. Laut Medienberichten ist ein ehemaliger Polizeichef der Taliban unter den Opfern.", "Unidentified Armed Group (Afghanistan)", 3),
    ("Bei Luftangriffen auf die von Rebellen gehaltene Stadt Idlib sind am Montag fünf Zivilisten getötet worden.", "Military Forces of Syria", 1),
    ("Syrische Hubschrauber warfen am Montag Fassbomben auf Dörfer bei Hama.", "Military Forces of Syria", 1),
    ("Mutmaßliche Jihadisten haben am Montag bei Tillaberi zwölf Soldaten getötet.", "Unidentified Armed Group (Niger)", 3),
    ("Bei Protesten in Khartum ist am Montag ein Demonstrant von Sicherheitskräften erschossen worden.", "Protesters (Sudan)", 6),
]
# fmt: on


# fmt: off
CIVILIAN_TARGETS = [
    ("Bewaffnete haben am Montag in einem Dorf bei Maiduguri fünf Dorfbewohner erschossen.", "Nigeria"),
    ("IS-Kämpfer haben am Montag bei Aleppo zwei Zivilisten getötet.", "Syria"),
    ("Bewaffnete haben am Montag in Maiduguri zwei Bauern getötet.", "Nigeria"),
    ("Kämpfer der Terrormiliz IS haben am Montag bei Aleppo zwei Zivilisten getötet.", "Syria"),
]
# fmt: on


# fmt: off
DATES = [
    ("IS-Kämpfer haben am Sonntag das Gefängnis in Aleppo angegriffen.", "2022-01-24", "2022-01-23", 1),
    ("IS-Kämpfer haben gestern das Gefängnis in Aleppo angegriffen.", "2022-01-24", "2022-01-23", 1),
    ("Am 9. Mai 2020 griffen IS-Kämpfer einen Kontrollpunkt bei Aleppo an.", "2020-05-11", "2020-05-09", 1),
    ("IS-Kämpfer haben das Gefängnis in Aleppo angegriffen.", "2022-01", "2022-01-15", 3),
    ("Unbekannte schleuderten am Sonntagabend eine Handgranate in eine Bar in Bamako.", "2024-03-12", "2024-03-10", 1),
    ("Nach Polizeiangaben vom Donnerstag griffen Bewaffnete bereits am Montag ein Dorf bei Maiduguri an.", "2024-03-15", "2024-03-11", 1),
    ("Bewaffnete griffen in der Nacht ein Dorf bei Maiduguri an, wie örtliche Medien am Donnerstag berichten.", "2024-03-15", "2024-03-15", 1),
    ("Nach Behördenangaben wurden bereits gestern drei Zivilisten bei Charkiw getötet.", "2024-03-12", "2024-03-11", 1),
]
# fmt: on


# fmt: off
PLACES = [
    ("Bewaffnete haben am Montag in Maiduguri zwölf Schüler entführt.", "Maiduguri"),
    ("Die Polizei hat am Montag in Mogadischu eine Autobombe entschärft.", "Mogadishu"),
    ("Unbekannte schleuderten am Sonntag eine Handgranate in eine Bar in Bamako.", "Bamako"),
    ("Am 9. März 2024 griffen IS-Kämpfer einen Kontrollpunkt bei Aleppo an.", "Aleppo"),
    ("Bei einem Anschlag auf eine Moschee in der nordafghanischen Stadt Faisabad sind am Montag elf Menschen getötet worden.", "Fayzabad"),
    ("Bewaffnete haben am Montag in der Provinz Seno vier Soldaten getötet.", "Dori"),
    ("Bei Protesten in Kuwait-Stadt hat die Polizei am Montag Tränengas eingesetzt.", "Kuwait City"),
    ("Bei einem Luftangriff auf das Dorf Kasrat Affan sind am Montag fünf Zivilisten getötet worden.", "Kasrat Affan"),
]
# fmt: on

# (text, country, admin1): siehe en/extract_cases.py
# fmt: off
REGIONS = [
    ("Am Sonntag lieferten sich Einheiten der GNA und der LNA Gefechte in Wadi al-Rabi.", "Libya", None),
    ("Am Montag beschossen Rebellen Stellungen der Armee bei Slavne im Gebiet Donetsk.", "Ukraine", "Donetsk"),
    ("Am Montag beschossen Regierungstruppen Stellungen der Opposition in Maaret Alia in Idleb.", "Syria", "Idlib"),
    ("Vor der Schulbehörde in der nordlibanesischen Stadt Tripoli haben am Montag Hunderte Menschen demonstriert.", "Lebanon", "North"),
    ("Bei einer Kundgebung im Belgrader Stadtbezirk Stari Grad hat die Polizei am Montag 15 Demonstranten festgenommen.", "Serbia", "Belgrade"),  # as ACLED names its region
    ("Bewaffnete haben am Montag im Norden Burkina Fasos nahe der Grenze zu Niger zwei Soldaten getötet.", "Burkina Faso", None),
    ("Demonstranten versuchten am Montag, den Eingang St. Stephen's am Parlament in Westminster zu stürmen; die Polizei am Eingang St. Stephen's hielt sie zurück.", "United Kingdom", "England"),
    ("Bewaffnete haben am Montag im zentralmexikanischen State of Mexico acht Polizisten in einem Hinterhalt getötet.", "Mexico", "Mexico"),
    ("TEL AVIV/BEIRUT (dpa-AFX) - Die Hisbollah hat am Montag Raketen auf den Norden Israels abgefeuert.", "Israel", None),
    ("Mali: 30 Tote nach Angriffen auf Dörfer. Bewaffnete überfielen am Montag drei Dörfer nahe Bourem. Im benachbarten Burkina Faso wurden am selben Tag drei Soldaten getötet.", "Mali", "Gao"),
    ("Israelische Soldaten haben am Freitag bei Protesten am Grenzzaun zwischen Israel und dem Gazastreifen zwei Demonstranten erschossen.", "Palestine", "Gaza Strip"),
]
# fmt: on


# fmt: off
ONE_INCIDENT = [  # short articles that report one incident, told again with new names
    "Fünf Tote bei Selbstmordanschlag in Kabul. Ein Selbstmordattentäter hat am Montag vor einem Ministerium in Kabul fünf Menschen getötet. Der Anschlag richtete sich nach Angaben der Polizei gegen einen Konvoi der Taliban.",
    "Soldaten nahe der Grenze zu Niger getötet. Bei einem Angriff auf einen Armeeposten bei Maiduguri nahe der Grenze zu Niger sind am Montag vier Soldaten getötet worden. Die Armee schlug die Angreifer nach eigenen Angaben zurück.",
    "Luftangriffe töten 40 Rebellen in Marib. Die saudisch geführte Militärkoalition flog am Montag Luftangriffe auf Stellungen der Rebellen bei Marib.",
    "Bei einem Luftangriff auf Idlib sind am Montag 15 Zivilisten getötet worden. Die Bomben schlugen in einem Gebäude in der Stadt ein, in dem Flüchtlinge lebten.",
    "Vier Soldaten in Burkina Faso getötet. Bei einem Angriff auf einen Armeeposten bei Djibo sind am Montag vier Soldaten getötet worden. Vergangene Woche waren im Norden Burkina Fasos 13 Zivilisten getötet worden.",
    "Rakete trifft Wohnhaus in Saporischschja. Eine russische Rakete hat am Montag ein Wohnhaus in Saporischschja getroffen, drei Menschen starben. Der Beschuss der Stadt soll die Menschen zermürben – auch die Bewohner von Saporischschja sollen sich nicht mehr sicher fühlen.",
]
# fmt: on


# fmt: off
SEPARATE_INCIDENTS = [  # articles that report incidents at other places: (text, how many)
    ("Zwei Soldaten bei Angriff in Kolumbien getötet. Bei einem Angriff der ELN im Departamento Arauca sind am Dienstag zwei Soldaten getötet worden. Am Freitag tötete die ELN im Departamento Norte de Santander zwei weitere Soldaten.", 2),
    ("Ausschreitungen in Bamako. In Bamako haben Demonstranten am Samstagabend Steine auf Polizisten geworfen und Autos angezündet. Bei einem Protest am Freitag waren ebenfalls Polizisten mit Steinen beworfen worden.", 2),
    ("Luftangriffe auf Provinz Hama. Regierungstruppen haben am Montag Ziele in der Provinz Hama bombardiert, dabei wurden drei Zivilisten getötet. Kampfjets warfen auch Bomben auf die Stadt Salamiyah.", 2),
]
# fmt: on
