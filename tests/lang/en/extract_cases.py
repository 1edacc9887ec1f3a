"""English ACLED notes and wire reports for `tests/lang/test_extract.py`: types, cues, tolls, actors."""

# ruff: noqa: E501

from gaps import gap

PUBLISHED = "2020-05-11"

# fmt: off
SUB_EVENTS = [
    ("Armed clash", "On 9 May 2020, Military Forces of Nigeria clashed with Boko Haram militants near Maiduguri. 5 soldiers were killed."),
    ("Armed clash", "On 9 May 2020, a soldier was killed in an attack on a checkpoint near Maiduguri."),
    ("Government regains territory", "On 9 May 2020, the army recaptured the town of Maiduguri from Boko Haram."),
    ("Government regains territory", "On 9 May 2020, government troops retook the town of Maiduguri from Boko Haram after fierce fighting."),
    ("Non-state actor overtakes territory", "On 9 May 2020, Al Shabaab militants overran an army base near Mogadishu."),
    gap("Non-state actor overtakes territory", "On 9 May 2020, Al Shabaab militants captured a military base near Mogadishu following heavy fighting with Somali troops.", reason="SEIZE with CLASH goes to the classifier, which says Armed clash"),
    ("Chemical weapon", "On 9 May 2020, activists reported that regime forces used chlorine gas in an attack on a village near Aleppo."),
    ("Air/drone strike", "On 9 May 2020, Russian warplanes carried out airstrikes on a market in Aleppo, killing at least 12 civilians."),
    ("Suicide bomb", "On 9 May 2020, a suicide bomber blew himself up at a mosque in Kabul, killing 7 worshippers."),
    ("Shelling/artillery/missile attack", "On 9 May 2020, Russian forces shelled residential areas of Kyiv with artillery and rockets."),
    ("Shelling/artillery/missile attack", "On 9 May 2020, the Syrian army shelled rebel positions near Aleppo."),
    ("Remote explosive/landmine/IED", "On 9 May 2020, a roadside bomb exploded near a police vehicle in Kabul, killing two policemen."),
    ("Grenade", "On 9 May 2020, unidentified assailants threw a grenade into a bar in Bamako, injuring three people."),
    ("Sexual violence", "On 9 May 2020, soldiers raped two women in a village near Maiduguri."),
    ("Attack", "On 9 May 2020, gunmen shot dead a local trader in Mogadishu."),
    ("Abduction/forced disappearance", "On 9 May 2020, Boko Haram militants abducted 12 farmers near Maiduguri."),
    ("Peaceful protest", "On 9 May 2020, around 200 people held a peaceful demonstration in Khartoum demanding civilian rule."),
    ("Protest with intervention", "On 9 May 2020, police fired tear gas to disperse protesters in Khartoum."),
    ("Excessive force against protesters", "On 9 May 2020, security forces opened fire with live ammunition on protesters in Khartoum, killing 3."),
    ("Violent demonstration", "On 9 May 2020, demonstrators threw stones at police and burned tyres in Bamako."),
    ("Violent demonstration", "On 9 May 2020, protesters in Khartoum blocked roads and set fire to a police station."),
    ("Mob violence", "On 9 May 2020, a mob lynched a suspected thief in Maiduguri."),
    ("Agreement", "On 9 May 2020, the government and the rebels signed a ceasefire agreement in Khartoum."),
    ("Arrests", "On 9 May 2020, police arrested three suspected ISIS members in Kabul."),
    ("Disrupted weapons use", "On 9 May 2020, Ukrainian air defence intercepted two Russian drones over Kyiv."),
    ("Looting/property destruction", "On 9 May 2020, RSF fighters looted shops and torched houses in Khartoum."),
    ("Change to group/activity", "On 9 May 2020, the army deployed reinforcements to Maiduguri."),
    ("Peaceful protest", "Demonstrators blocked a main highway in Lagos with banners on Monday, police said."),
    ("Violent demonstration", "Violent protests against the government left three people dead in Santiago on Sunday."),
    ("Air/drone strike", "A US attack on a Syrian air base near Homs killed nine civilians on Monday, state media said."),
    ("Air/drone strike", "Government helicopters dropped barrel bombs on a village near Aleppo on Monday, killing six civilians."),
    ("Peaceful protest", "Hundreds of workers protested in Lagos on Monday, demanding more money to fight the coronavirus pandemic."),
    ("Peaceful protest", "Farmers engaged in cattle breeding protested in Lagos on Monday over land rights."),
    ("Peaceful protest", "On Monday, workers of a textile mill protested in Lagos over wages unpaid since the start of the year."),
    ("Shelling/artillery/missile attack", "On Monday, government forces fired 122mm artillery at rebel positions near Slavne. Observers recorded 16 explosions near Slavne."),
    ("Looting/property destruction", "On Monday, militants set fire to a textile factory in Lagos and destroyed its machines. The attack caused heavy damage."),
]
# fmt: on


# fmt: off
NO_EVENT = [
    "Al Shabaab threatened to attack government buildings in Mogadishu.",
    "The militants will attack Kabul, a Taliban spokesman said.",
    "The army denied shelling residential areas of Kyiv.",
    "The ministry denied that soldiers had killed civilians in Maiduguri.",
    "The Taliban said they are planning an attack on Kabul.",
    "Officials warned that Al Shabaab could attack Mogadishu during the elections.",
    "No attacks were reported in Maiduguri over the weekend.",
    "Boko Haram has frequently attacked villages near Maiduguri since 2009.",
    ("Rebels have repeatedly shelled Aleppo."),
    ("Since the war began, thousands of civilians have been killed in Aleppo."),
    "Opposition groups have called a rally against the government in Lagos for next Saturday.",
    "Talks on a ceasefire between the army and the rebels continued in Doha on Monday.",
    "The result of the presidential vote was hotly disputed by the defeated candidates.",
    "The army says it will within weeks bring the whole province back under its control.",
    "The rebels demanded the release of prisoners in exchange for ceasing attacks on oil pipelines.",
    "Talks can only begin if the rebels halt their attacks near Maiduguri.",
    "The coalition has reported almost daily airstrikes on rebel positions near Marib in the past weeks.",
    "More than 300 people have been killed in attacks in Borno since the start of the year.",
]
# fmt: on


# fmt: off
FATALITIES = [
    ("On 9 May 2020, at least 12 people were killed in an airstrike on a market in Aleppo.", 12),
    ("On 9 May 2020, dozens of people were killed in clashes between the army and Boko Haram near Maiduguri.", 12),
    ("On 9 May 2020, hundreds of people were killed when militants attacked the town near Maiduguri.", 100),
    ("On 9 May 2020, several civilians were killed by gunmen in Mogadishu.", 3),
    ("On 9 May 2020, a soldier was killed when militants attacked a checkpoint near Maiduguri.", 1),
    ("On 9 May 2020, gunmen killed a teacher in Mogadishu.", 1),
    ("On 9 May 2020, Boko Haram militants ambushed a convoy near Maiduguri, killing two soldiers and injuring five.", 2),
    ("On 9 May 2020, Boko Haram militants attacked Maiduguri, killing 30 soldiers and 130 civilians.", 160),
    ("On 9 May 2020, militants attacked a checkpoint in Mogadishu. Two soldiers died.", 2),
    ("On 9 May 2020, a car bomb exploded in Mogadishu. The death toll rose to 25 on Sunday.", 25),
    ("On 9 May 2020, gunmen attacked a bus near Maiduguri, injuring four passengers.", 0),
    ("On 9 May 2020, a bomb exploded in a market in Kabul. No fatalities were reported.", 0),
    ("On 9 May 2020, a car bomb exploded in Mogadishu. Fatalities coded as 0.", 0),
    ("Between 8 and 10 May 2020, the Taliban and government forces clashed in several districts around Kabul. 20 fatalities split between 3 events.", 7),
    ("On 9 May 2020, Boko Haram fighters attacked an army post near Maiduguri, killing at least 12 soldiers.", 12),
    ("On 9 May 2020, Russian warplanes carried out airstrikes on a market in Aleppo, killing at least 12 civilians.", 12),
    ("On 9 May 2020, militants attacked a checkpoint near Maiduguri. A soldier was killed.", 1),
    ("On 9 May 2020, police fired live ammunition on protesters in Khartoum. Many were killed.", 10),
    ("Dozens killed in attack on Nigerian village. Gunmen killed at least 45 people in a village near Maiduguri on Monday.", 45),
    ("Dozens of people were killed in clashes near Maiduguri on Monday, including 25 soldiers.", 25),
    ("On Monday 13 civilians including two members of a vigilante group were killed near Maiduguri.", 13),
    ("The rebels were blamed for the killing of three soldiers near Saravena on Monday.", 3),
]
# fmt: on


# fmt: off
ACTORS = [  # ACLED writes some groups "SDF: Syrian Democratic Forces"; the part before ":" is enough
    ("On 9 May 2020, ISIS militants attacked a checkpoint near Aleppo, killing two soldiers.", "Islamic State", 2),
    ("On 9 May 2020, Daesh fighters killed three shepherds near Aleppo.", "Islamic State", 2),
    ("On 9 May 2020, Islamic State militants abducted two civilians near Aleppo.", "Islamic State", 2),
    ("The Islamic State claimed the attack. On 9 May 2020, jihadists killed two civilians in Aleppo.", "Islamic State", 2),
    ("On 9 May 2020, SDF fighters clashed with regime forces near Aleppo.", "SDF", 2),
    ("On 9 May 2020, the Syrian Democratic Forces arrested five suspected IS members near Aleppo.", "SDF", 2),
    ("On 9 May 2020, QSD fighters clashed with regime forces near Aleppo.", "SDF", 2),
    ("On 9 May 2020, Turkish forces shelled SDF positions near Aleppo in northern Syria.", "Military Forces of Turkey", 8),
    ("On 9 May 2020, Turkish forces shelled SDF positions near Aleppo.", "Military Forces of Turkey", 8),
    ("On 9 May 2020, Russian forces shelled residential areas of Kyiv with artillery and rockets.", "Military Forces of Russia", 8),
    ("On 9 May 2020, the Syrian army shelled rebel positions near Aleppo.", "Military Forces of Syria", 1),
    ("On 9 May 2020, the Nigerian army clashed with Boko Haram near Maiduguri.", "Military Forces of Nigeria", 1),
    ("Movement of forces: On 7 May 2020, a joint patrol by Turkish and Russian forces took place near Ariha in Idleb.", "Military Forces of Turkey", 8),
    ("On 5 May 2020, anti-Houthi National Resistance forces fired artillery shells at pro-Houthi forces near Hays.", "National Resistance Forces", 3),
    ("Four soldiers killed in Mali. At least four soldiers were killed on Monday in an attack in central Mali, security sources said.", "Unidentified Armed Group (Mali)", 3),
    ("Ten Taliban fighters were killed by an Afghan military airstrike near Kunduz on Monday.", "Military Forces of Afghanistan", 1),
    ("A bomb blast killed eleven people in Kabul on Monday. A former Taliban police chief was among the dead, local media said.", "Unidentified Armed Group (Afghanistan)", 3),
    ("Fighters of the National Liberation Army attacked a military checkpoint near Saravena on Monday.", "ELN", 2),
    ("Five civilians were killed on Monday in airstrikes on the rebel-held city of Idlib, a monitor said.", "Military Forces of Syria", 1),
    ("Syrian helicopters dropped barrel bombs on villages near Hama on Monday.", "Military Forces of Syria", 1),
    ("A protester was shot dead by security forces during demonstrations in Khartoum on Monday.", "Protesters (Sudan)", 6),
]
# fmt: on


# fmt: off
CIVILIAN_TARGETS = [
    ("On 9 May 2020, gunmen killed two farmers near Maiduguri.", "Nigeria"),
    ("On 9 May 2020, gunmen shot dead a local trader in Mogadishu.", "Somalia"),
    ("The Islamic State claimed the attack. On 9 May 2020, jihadists killed two civilians in Aleppo.", "Syria"),
    ("On 9 May 2020, Daesh fighters killed three shepherds near Aleppo.", "Syria"),
]
# fmt: on


# fmt: off
DATES = [
    ("On 9 May 2020, Boko Haram militants attacked a village near Maiduguri.", "2020-05-11", "2020-05-09", 1),
    ("Around 9 May 2020, Boko Haram militants attacked a village near Maiduguri.", "2020-05-11", "2020-05-09", 2),
    ("On Sunday, Boko Haram militants attacked a village near Maiduguri, killing two farmers.", "2022-01-24", "2022-01-23", 1),
    ("Boko Haram militants attacked a village near Maiduguri, killing two farmers.", "2022-01", "2022-01-15", 3),
    ("Between 8 and 10 May 2020, the Taliban and government forces clashed in several districts around Kabul.", "2020-05-11", "2020-05-09", 2),
    ("Gunmen attacked a village near Maiduguri on Tuesday, according to police reports on Thursday.", "2020-05-15", "2020-05-12", 1),
    ("According to police statements, three civilians were already killed yesterday near Kharkiv.", "2020-05-12", "2020-05-11", 1),
]
# fmt: on


# fmt: off
PLACES = [
    ("On 3 May 2020, Maoists shot dead a villager in a forest under Ketugram police station (Purba Bardhaman, West Bengal).", "Ketugram"),
    ("On 9 May 2020, a mob lynched a suspected thief in Maiduguri.", "Maiduguri"),
    ("On 9 May 2020, unidentified assailants threw a grenade into a bar in Bamako, injuring three people.", "Bamako"),
    ("On 9 May 2020, Ukrainian air defence intercepted two Russian drones over Kyiv.", "Kyiv"),
    ("On 9 May 2020, Russian warplanes carried out airstrikes on a market in Aleppo, killing at least 12 civilians.", "Aleppo"),
    ("A bomb killed five people at a market in the northern Afghan city of Faizabad on Monday.", "Fayzabad"),
    ("Two soldiers were killed on Monday in an attack on a checkpoint on the road between Tame and Saravena.", "Tame"),
    ("Gunmen killed four soldiers in Seno province on Monday.", "Dori"),
    ("Five civilians were killed in an air strike on the village of Kasrat Affan on Monday.", "Kasrat Affan"),
]
# fmt: on

# (text, country, admin1): the place's country and region, where the town is missing or
# ambiguous; the region may be spelt unlike GeoNames
# fmt: off
REGIONS = [
    ("On 6 May 2020, GNA and LNA forces reportedly clashed in Wadi al-Rabi. No casualties reported.", "Libya", None),
    ("On 9 May 2020, Lebanese protesters blocked roads in Tripoli over the high price of the US dollar.", "Lebanon", "North"),
    ("On 9 May 2020, the NAF rebel forces fired heavy machine guns at the governmental positions near Slavne, Donetsk.", "Ukraine", "Donetsk"),
    ("On 9 May 2020, regime forces shelled opposition positions in Maaret Alia in Idleb.", "Syria", "Idlib"),
    ("On 5 May 2020, QSD fighters raided houses in Basira city in eastern Deir-ez-Zor countryside.", "Syria", "Deir ez-Zor"),
    ("Gunmen killed two soldiers on Monday in northern Burkina Faso, near the border with Niger.", "Burkina Faso", None),
    ("On Monday, protesters tried to rush the St Stephen's entrance of the Palace of Westminster; police at St Stephen's held them back.", "United Kingdom", "England"),
    ("Gunmen killed eight police officers in an ambush in the central State of Mexico on Monday.", "Mexico", "Mexico"),
    ("TEL AVIV/BEIRUT (dpa-AFX) - Hezbollah fired rockets at northern Israel on Monday.", "Israel", None),
    ("Mali: 30 dead after attacks on villages. Gunmen raided three villages near Bourem on Monday. In neighbouring Burkina Faso three soldiers were killed the same day.", "Mali", "Gao"),
    ("Israeli troops shot dead two protesters at the fence between Israel and the Gaza Strip on Friday.", "Palestine", "Gaza Strip"),
    ("On Monday, in Colon (Colon), residents blocked a road to protest against water cuts.", "Panama", "Colon"),
    ("Gunmen threw a hand grenade at a house in Qamishly city on Monday, wounding two.", "Syria", "Al-Hasakah"),
]
# fmt: on


# fmt: off
ONE_INCIDENT = [  # short articles that report one incident, told again with new names
    "Five killed in suicide bombing in Kabul. A suicide bomber killed five people on Monday outside a ministry in Kabul, police said. The attack targeted a convoy of the Taliban's interior ministry, a police spokesman said.",
    "Soldiers killed near the border with Niger. Four soldiers were killed on Monday in an attack on a military post near Maiduguri, near the border with Niger. Another source said the army repelled the assailants.",
    "Airstrikes kill 40 rebels in Marib. Coalition airstrikes hit rebel positions near Marib on Monday, the Saudi-led coalition said.",
    "An airstrike on Idlib killed 15 civilians on Monday. The bombs hit a building in the town where displaced families had found shelter.",
    "Four soldiers killed in Burkina Faso. Four soldiers were killed on Monday in an attack on an army post near Djibo. Last week 13 civilians were killed in northern Burkina Faso.",
    "Missile hits apartment block in Zaporizhzhia. A Russian missile hit an apartment block in Zaporizhzhia on Monday, killing three people. The shelling of the city is meant to wear people down, and residents of Zaporizhzhia also say they no longer feel safe.",
]
# fmt: on


# fmt: off
SEPARATE_INCIDENTS = [  # articles that report incidents at other places: (text, how many)
    ("Two soldiers killed in Colombia. Two soldiers were killed in an ELN attack in the Arauca department on Monday. The ELN was also blamed for the killing of two other soldiers last Friday in the department of Norte de Santander.", 2),
    ("Riots in Bamako. Protesters threw stones at police and set cars on fire in Bamako on Saturday night. At a protest on Friday, police had also been pelted with stones.", 2),
    ("Air strikes hit Hama province. Government jets bombed targets across Hama province on Monday, killing three civilians. Warplanes also dropped bombs on the town of Salamiyah.", 2),
]
# fmt: on
