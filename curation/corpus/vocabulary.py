"""Word lists the synthetic archive is written from.

Hand-written for this project. Countries are real so the text reads like wire
news; every person and outlet is invented.
"""


def phrases(text: str) -> tuple[str, ...]:
    """Return the comma-separated phrases of a word list written as text, spaces squeezed."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(",") if phrase.strip())


FIRST_NAMES = phrases(
    """
    Amira, Hassan, Leila, Omar, Nadia, Karim, Samira, Yusuf, Rania, Tariq, Huda, Khalid, Mona,
    Faisal, Zainab, Adel, Salma, Bilal, Dalia, Jamal, Noor, Sami, Hiba, Walid, Lina, Majid, Yasmin,
    Ziad, Farah, Nabil, Anna, Peter, Claire, Thomas, Sophie, Martin, Helen, David, Laura, James,
    Marie, Julien, Camille, Pierre, Elodie, Lucas, Ines, Hugo, Chloe, Antoine, Elena, Marco, Giulia,
    Luca, Sara, Paolo, Chiara, Andrea, Silvia, Matteo, Carmen, Javier, Lucia, Diego, Isabel, Pablo,
    Rosa, Miguel, Teresa, Raul, Ingrid, Lars, Astrid, Nils, Freya, Erik, Sigrid, Olaf, Maja, Henrik,
    Olga, Sergei, Irina, Dmitri, Natalia, Pavel, Ekaterina, Viktor, Tatiana, Andrei, Aylin, Emre,
    Zeynep, Mehmet, Elif, Murat, Selin, Burak, Deniz, Kemal, Priya, Arjun, Ananya, Rahul, Kavya,
    Vikram, Meera, Rohan, Divya, Sanjay, Wei, Li Na, Jun, Mei, Hao, Xiu, Chen, Lan, Bo, Ying, Amara,
    Kwame, Nia, Kofi, Zuri, Tendai, Ayo, Chidi, Imani, Jabari, Farid, Shirin, Dariush, Parisa, Reza,
    Maryam, Kaveh, Neda, Arash, Roya, Hazem, Ruqayya, Suhail, Bushra, Ghassan, Lamia, Munir, Widad,
    Qasim, Sawsan
    """
)

LAST_NAMES = phrases(
    """
    Haddad, al-Rashid, Mansour, al-Tamimi, Khalil, Nasser, al-Obeidi, Saleh, Hamdan, al-Zubaidi,
    Karim, al-Hakim, Darwish, Qasimi, al-Jabouri, Farouk, al-Dulaimi, Yassin, Bakr, al-Amiri,
    Sultani, al-Hashimi, Rahimi, Barzani-Aziz, Talabani-Noor, Shaker, al-Khafaji, Mahdi, Jawad,
    al-Sudani, Morgan, Whitfield, Hargreaves, Ellison, Crawford, Pemberton, Ashworth, Kendall,
    Fairbairn, Lockwood, Dubois, Lefevre, Marchand, Rousseau, Girard, Bonnet, Fontaine, Mercier,
    Lambert, Chevalier, Rossi, Bianchi, Ferraro, Galli, Conti, Marino, Greco, Lombardi, Moretti,
    Barbieri, Navarro, Delgado, Castillo, Romero, Herrera, Ortega, Molina, Serrano, Vidal, Ibarra,
    Lindqvist, Halvorsen, Bergstrom, Nygaard, Sandberg, Holm, Ekdahl, Vik, Strand, Aalto, Volkov,
    Petrova, Sokolov, Orlova, Morozov, Lebedeva, Kuznetsov, Zaitseva, Fedorov, Belova, Yilmaz,
    Demir, Kaya, Aydin, Ozturk, Arslan, Dogan, Kilic, Cetin, Korkmaz, Sharma, Iyer, Menon, Kapoor,
    Reddy, Nair, Bose, Chatterjee, Pillai, Rao, Zhang, Liu, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu,
    Mensah, Okafor, Adeyemi, Mwangi, Banda, Diallo, Kamara, Osei, Nkosi, Abebe, Tehrani, Moradi,
    Karimi, Hosseini, Ghorbani, Jafari-Nik, Sadeghi, Amini, Rostami, Kazemi, de Almeida, van der
    Berg, O'Neill, McAllister, Fitzgerald, de la Cruz, von Arnim, Da Costa, Le Roux, St. Clair
    """
)

# Transliteration variants newsrooms print for the same name.
SPELLING_VARIANTS = (
    ("ou", "u"),
    ("ee", "i"),
    ("al-", "Al-"),
    ("Q", "K"),
    ("ph", "f"),
    ("y", "i"),
    ("sh", "ch"),
    ("oo", "u"),
)

COUNTRIES = phrases(
    """
    Iraq, Jordan, Egypt, Turkey, Iran, Saudi Arabia, Kuwait, Qatar, Oman, Lebanon, Tunisia, Morocco,
    Algeria, Libya, Sudan, Ethiopia, Kenya, Nigeria, Ghana, South Africa, France, Germany, Italy,
    Spain, the United Kingdom, Sweden, Norway, Poland, Greece, the Netherlands, Russia, Ukraine,
    Kazakhstan, Tajikistan, Uzbekistan, India, Pakistan, China, Japan, Indonesia, the United States,
    Canada, Brazil, Mexico, Argentina, Chile, Australia, Malaysia
    """
)

CITIES = phrases(
    """
    Baghdad, Amman, Cairo, Ankara, Tehran, Riyadh, Kuwait City, Doha, Muscat, Beirut, Tunis, Rabat,
    Algiers, Tripoli, Khartoum, Addis Ababa, Nairobi, Abuja, Accra, Pretoria, Paris, Berlin, Rome,
    Madrid, London, Stockholm, Oslo, Warsaw, Athens, The Hague, Moscow, Kyiv, Astana, Dushanbe,
    Tashkent, New Delhi, Islamabad, Beijing, Tokyo, Jakarta, Washington, Ottawa, Brasilia, Mexico
    City, Buenos Aires, Santiago, Canberra, Kuala Lumpur, Geneva, Vienna, Brussels, New York, Erbil,
    Basra, Mosul
    """
)

REGIONS = phrases(
    """
    the Middle East, North Africa, the Gulf, Central Asia, the Sahel, Europe, East Africa, South
    Asia
    """
)

OUTLETS = phrases(
    """
    Tigris Daily, Meridian News Agency, Gulf Wire, Crescent Herald, Levant Observer, Euphrates
    Press, Northern Courier, Capital Dispatch, Atlas Report, Horizon Newswire, Silk Road Review,
    Harbour Gazette, Continental Post, Frontline Bulletin, Delta Chronicle, Summit Times
    """
)

WEEKDAYS = phrases(
    """
    Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday
    """
)

PERSON_TITLES = (
    ("Foreign Minister", "Government of {country}"),
    ("Prime Minister", "Government of {country}"),
    ("President", "{country}"),
    ("Interior Minister", "Government of {country}"),
    ("Defence Minister", "Government of {country}"),
    ("Finance Minister", "Government of {country}"),
    ("Deputy Foreign Minister", "Ministry of Foreign Affairs of {country}"),
    ("Undersecretary", "Ministry of Foreign Affairs of {country}"),
    ("Ambassador", "Embassy of {country} in {city}"),
    ("National Security Adviser", "Government of {country}"),
    ("Spokesperson", "Ministry of Foreign Affairs of {country}"),
    ("Special Envoy", "United Nations"),
    ("Under-Secretary-General", "United Nations"),
    ("Member of Parliament", "Parliament of {country}"),
    ("Governor", "Province of {city}"),
    ("Chief of Staff", "Armed Forces of {country}"),
    ("Minister of Justice", "Government of {country}"),
    ("Trade Minister", "Government of {country}"),
)

ORGANISATION_PATTERNS = phrases(
    """
    Ministry of Foreign Affairs of {country}, Ministry of Interior of {country}, National Security
    Council of {country}, Ministry of Defence of {country}, Parliament of {country}, Central Bank of
    {country}, Office of the President of {country}, Electoral Commission of {country}
    """
)

INTERNATIONAL_BODIES = phrases(
    """
    United Nations Security Council, United Nations Development Programme, World Health
    Organization, International Committee of the Red Cross, Arab League, African Union, European
    Commission, Organisation of Islamic Cooperation, International Monetary Fund, World Food
    Programme, Global Coalition against Daesh, Office of the High Commissioner for Human Rights,
    International Atomic Energy Agency, Shanghai Cooperation Organisation, Gulf Cooperation Council
    """
)

# Topics: name, aliases, subtopics, and the noun phrases quotes on it use.
TOPICS = (
    (
        "Security",
        ("defence and security",),
        phrases(
            """
            Counter-terrorism, Border security, Intelligence sharing, Armed forces, Policing,
            Cybersecurity, Arms control, Militias, Detention, Landmines
            """
        ),
        phrases(
            """
            the remaining terrorist cells, security along the border, intelligence sharing, the
            training of our security forces, the threat of sleeper cells, the return of foreign
            fighters, joint operations against armed groups, the disarmament of militias
            """
        ),
    ),
    (
        "Diplomacy",
        ("foreign relations", "international relations"),
        phrases(
            """
            Bilateral relations, International cooperation, Embassies, Summits, Mediation, Treaties,
            Consular affairs, Regional dialogue, United Nations, Visits
            """
        ),
        phrases(
            """
            bilateral relations, international cooperation, the reopening of the embassy, regional
            dialogue, a lasting political settlement, the memorandum of understanding, the joint
            committee, consultations between the two ministries
            """
        ),
    ),
    (
        "Economy",
        ("economic affairs",),
        phrases(
            """
            Trade, Investment, Public finance, Debt, Employment, Inflation, Customs, Banking,
            Privatisation, Development aid
            """
        ),
        phrases(
            """
            trade between our two countries, foreign investment, the national budget, the reform of
            the banking sector, youth unemployment, the customs agreement, economic recovery,
            development assistance
            """
        ),
    ),
    (
        "Energy",
        ("oil and gas",),
        phrases(
            """
            Oil, Natural gas, Electricity, Renewable energy, Pipelines, OPEC, Nuclear power, Energy
            prices
            """
        ),
        phrases(
            """
            oil exports, the electricity grid, gas supplies, renewable energy projects, the pipeline
            project, energy prices, production quotas
            """
        ),
    ),
    (
        "Humanitarian affairs",
        ("humanitarian aid",),
        phrases(
            """
            Refugees, Displaced people, Food security, Health care, Reconstruction, Water, Demining,
            Disaster relief
            """
        ),
        phrases(
            """
            the return of displaced families, food security, the reconstruction of liberated cities,
            humanitarian access, clean water supplies, relief for refugees, the rebuilding of
            hospitals
            """
        ),
    ),
    (
        "Justice",
        ("rule of law",),
        phrases(
            """
            Courts, Corruption, Human rights, Accountability, Prisons, Transitional justice,
            Constitutional reform, Anti-money laundering
            """
        ),
        phrases(
            """
            accountability for the crimes committed, the fight against corruption, human rights, the
            independence of the judiciary, the prosecution of terrorists, constitutional reform
            """
        ),
    ),
    (
        "Politics",
        ("domestic politics",),
        phrases(
            """
            Elections, Parliament, Government formation, Political parties, Protests, Federalism,
            Local government, Referendums
            """
        ),
        phrases(
            """
            free and fair elections, the formation of the new government, national reconciliation,
            the demands of the protesters, the powers of the regions, the parliamentary session
            """
        ),
    ),
    (
        "Environment",
        ("climate",),
        phrases(
            """
            Climate change, Drought, Water management, Pollution, Desertification, Agriculture
            """
        ),
        phrases(
            """
            the effects of climate change, water shortages, the drought in the south, sustainable
            agriculture, air pollution, the management of shared rivers
            """
        ),
    ),
    (
        "Migration",
        ("migrants",),
        phrases(
            """
            Asylum, Border crossings, Smuggling, Resettlement, Labour migration, Returns
            """
        ),
        phrases(
            """
            irregular migration, the smuggling networks, the resettlement programme, safe and
            voluntary returns, the protection of migrant workers
            """
        ),
    ),
    (
        "Health",
        ("public health",),
        phrases(
            """
            Pandemics, Vaccination, Hospitals, Medicines, Mental health
            """
        ),
        phrases(
            """
            the vaccination campaign, the capacity of hospitals, access to medicines, the spread of
            the epidemic, primary health care
            """
        ),
    ),
    (
        "Education",
        ("schools",),
        phrases(
            """
            Schools, Universities, Scholarships, Literacy, Vocational training
            """
        ),
        phrases(
            """
            the reopening of schools, scholarships for students, vocational training, cooperation
            between universities, literacy programmes
            """
        ),
    ),
    (
        "Media",
        ("press freedom",),
        phrases(
            """
            Press freedom, Disinformation, Journalists' safety, Broadcasting
            """
        ),
        phrases(
            """
            the safety of journalists, disinformation campaigns, freedom of the press, public
            broadcasting
            """
        ),
    ),
)

VERBS = phrases(
    """
    strengthen, support, expand, protect, review, accelerate, deepen, restore, coordinate, improve,
    secure, guarantee, develop, reinforce, promote, resume
    """
)

GERUNDS = phrases(
    """
    strengthening, supporting, expanding, protecting, reviewing, accelerating, deepening, restoring,
    coordinating, improving, securing, developing, reinforcing, promoting
    """
)

TIME_PHRASES = phrases(
    """
    in the coming months, before the end of the year, without delay, over the next two years, as
    soon as possible, in the near future, this year, in the weeks ahead, step by step
    """
)

ADJECTIVES = phrases(
    """
    serious, practical, lasting, concrete, comprehensive, urgent, real, joint, balanced
    """
)

GOALS = phrases(
    """
    stability, peace, security, prosperity, recovery, progress, trust, development
    """
)

DIRECT_QUOTES = (
    "We will continue to work with our partners to {verb} {noun}",
    "{Noun} remains our first priority, and we will not accept any delay",
    "There can be no lasting {goal} without {noun}",
    "Our country is ready to {verb} {noun} {time}",
    "This agreement is a {adjective} step towards {goal} in {region}",
    "We have asked our friends in {country} to help us {verb} {noun}",
    "Nobody should underestimate the importance of {noun} for {goal}",
    "The people of {country} deserve {goal}, and they deserve it {time}",
    "We discussed {noun} and agreed to {verb} {noun2} {time}",
    "Without {noun}, every talk of {goal} is empty words",
    "Our position has not changed: {noun} must come first",
    "We expect {adjective} results on {noun} {time}",
    "Terrorism knows no borders, and neither can our response",
    "The international community must not forget {noun}",
    "We welcome the support of {country} for {noun}",
)

INDIRECT_CLAUSES = phrases(
    """
    {country} would {verb} {noun} {time}, the government was committed to {gerund} {noun}, the talks
    had produced {adjective} progress on {noun}, {noun} was essential for {goal} in {region}, the
    country stood ready to {verb} {noun}, the two sides had agreed to {verb} {noun} {time}, the
    delegation had discussed {noun} and {noun2}, {noun} would be on the agenda of the next meeting
    in {city}, there was no alternative to {noun}, the visit reflected a shared interest in {gerund}
    {noun}
    """
)

CLAIM_CLAUSES = phrases(
    """
    its full support for {noun}, its commitment to {gerund} {noun} {time}, that {noun} is a shared
    responsibility of all states in {region}, its call on all parties to {verb} {noun}, its
    condemnation of the attacks and its support for {noun}, that it will {verb} {noun} with
    {country} {time}
    """
)

CLAIM_VERBS = ("affirmed", "reiterated", "stressed", "renewed", "underlined", "announced")
SPEECH_VERBS = phrases(
    """
    said, stressed, pointed out, noted, added, emphasised, told reporters, explained
    """
)
INDIRECT_VERBS = phrases(
    """
    said, stressed, pointed out, noted, added, emphasised, explained, confirmed
    """
)

UNNAMED_SPEAKERS = phrases(
    """
    a senior official, diplomatic sources, a government source, an official who asked not to be
    named, a security source
    """
)

FILLER_SENTENCES = (
    "The meeting in {city} came as {country} and {country2} prepared to {verb} {noun}.",
    "Officials from both sides discussed {noun}, {noun2} and the situation in {region}.",
    "The talks were also attended by delegations from {country} and {country2}.",
    "The visit is the first of its kind since the two countries agreed to {verb} {noun}.",
    "Earlier this month, the parliament of {country} debated {noun}.",
    "Observers in {city} said the outcome would depend on {noun}.",
    "The two delegations are due to meet again in {city} {time}.",
    "The ministry published the full text of the joint communique on its website.",
    "Analysts have long warned that {noun} could become a source of tension in {region}.",
    "The previous round of talks, held in {city}, ended without an agreement on {noun}.",
    "According to figures released by the ministry, spending on {noun} rose sharply last year.",
    "The session was broadcast live on state television.",
)

HEADLINES = phrases(
    """
    {surname} calls for {adjective} action on {noun}, {country} and {country2} agree to {verb}
    {noun}, {surname} meets {surname2} in {city}, Talks in {city} focus on {noun}, {surname}: no
    {goal} without {noun}, {country} pledges support for {noun}, {title} {surname} visits {city}
    """
)

CORRECTION_REASONS = (
    "The quote continues the remarks of {to_name}; {from_name} did not attend the meeting.",
    "The outlet misattributed the statement; the official transcript credits {to_name}.",
    "{from_name} is named in the paragraph before, but the video of the press conference shows {to_name} speaking.",
    "The ministry's own readout attributes these words to {to_name}, not to {from_name}.",
    "{from_name} was quoted in an earlier item on the same day; this statement is {to_name}'s.",
)
