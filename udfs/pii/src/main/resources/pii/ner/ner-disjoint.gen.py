#!/usr/bin/env python3
"""Deterministic generator for ner-disjoint.tsv.

Written for this project by an author who did not look at the detector code,
its gazetteers/name lists or its models. See README.md in this directory.

Output format (one sentence per line):
    <text>\t<spans>
spans = ';'-separated TYPE:start:end (0-based, end exclusive, offsets in UTF-16
code units, i.e. Java String indices). Empty when the sentence has no entity.

Frame syntax:
    <P>   full person name          <PG>  given name only
    <PS>  surname only (frames put the title, e.g. "Ms. <PS>", outside the slot)
    <PL>  lower-cased given name    <PF>  lower-cased full name
    <O>   organisation              <G>   geo-political entity (any)
    <C>   city/town only (GPE)
    <OC> company  <ON> NGO  <OU> university  <OH> hospital  (all ORG)
    [PERSON:...] [ORG:...] [GPE:...]   literal, hand-placed entity
Every frame containing slots is instantiated INSTANCES times with fillers drawn
from seeded shuffled decks, so the output is identical on every run.

Usage: python3 ner-disjoint.gen.py [--stats]
"""
import os
import random
import re
import sys
import unicodedata

SEED = 20240611
INSTANCES = 3

# --------------------------------------------------------------------------
# Filler pools. Deliberately rare / unusual names; several are invented.
# --------------------------------------------------------------------------
PERSON_FULL = [
    # West African
    "Adaeze Nwachukwu", "Chidubem Okonkwo-Eze", "Oluwaseun Adebanjo-Ilori",
    "Ebunoluwa Fashanu-Odeyemi", "Kwabena Asante-Darko", "Nnamdi Ikwuemesi",
    "Fatoumata Diakité", "Adjoa Mensah-Bonsu", "Senyo Agbeko",
    "Babajide Olatunbosun", "Aminata Koroma-Bangura", "Ekow Quainoo",
    "Yetunde Akinwunmi-Lawal", "Mawuli Kpodo", "Ndeye Fatou Sarr",
    "Chinwendu Obiefuna",
    # East African
    "Wanjiru Kamau-Ndegwa", "Achieng Odhiambo", "Tesfaye Gebremariam",
    "Nyokabi Gitau", "Baraka Mwakalinga", "Rehema Msuya", "Kiplagat Chepkoech",
    "Abebech Woldemichael", "Mugisha Tumusiime", "Hodan Warsame",
    "Nafula Wekesa", "Tsegaye Alemayehu", "Zawadi Mrisho",
    # Southern African
    "Thandeka Mahlangu", "Zanele Mthembu-Radebe", "Kagiso Molefe",
    "Nokuthula Bhengu", "Tinashe Chikwanha", "Mpho Sekhukhune",
    "Lerato Mashabela", "Tawanda Muzorewa",
    # Arabic
    "Yousef al-Qahtani", "Layla bint Khalid al-Mansouri", "Abdelkader Benhaddou",
    "Tariq bin Suleiman al-Harthy", "Samira Boukhalfa", "Omar Al-Zubaidi",
    "Dalia Qasim", "Khalil Abu-Rish", "Mariam Al-Muhairi",
    "Rashid Ould Bouamatou", "Hind El Fassi", "Bassam Tannous", "Ghada Shehadeh",
    # Persian
    "Farnaz Sadeghpour", "Kourosh Jahanbani", "Golnaz Mirhosseini",
    "Arash Khoshnevis", "Mahsa Tabatabaei", "Shahrzad Farahmandpour",
    "Bijan Esfandiari",
    # Turkish
    "Ayşe Karaosmanoğlu", "Emre Yıldızhan", "Gökhan Tepebaşı", "Selin Çakıroğlu",
    "Oğuzhan Ertuğrul", "Berrak Doğanay", "Cansu Öztürkmen",
    # Indian subcontinent
    "Thiruvengadam Raghunathan", "Shreyasi Bhattacharjee",
    "Nandini Venkataraghavan", "Devesh Kulshreshtha", "Apurva Deshpande",
    "Anasuya Mukhopadhyay", "Harjot Kaur Grewal", "Farrukh Siddiqui",
    "Tahmina Chowdhury", "Rafiqul Islam Bhuiyan", "Chaminda Wickramasinghe",
    "Dilrukshi Gunawardena", "Pasang Dolma Sherpa", "Bishnu Prasad Adhikari",
    "Ishaan Vaidyanathan", "Sowmya Ranganathan", "Zulfiqar Memon",
    "Parineeti Bhosale",
    # Chinese (mainland, HK, Taiwan, Singapore)
    "Xu Mingyuan", "Ouyang Lingfei", "Zhuge Haoran", "Tan Wei Ling",
    "Leung Ka-wai", "Hsieh Pei-chun", "Gu Yuxuan", "Situ Jiahui",
    "Qiao Shuang", "Rong Zhiwei", "Yip Tsz-ching",
    # Japanese
    "Chiaki Hoshino", "Ren Tsukamoto", "Yuzuki Wakabayashi",
    "Kōsuke Shimazaki", "Mitsuko Inokuchi", "Daigo Hasegawa",
    "Sayaka Obinata", "Hiromasa Kuwabara", "Tomoe Ishizuka",
    # Korean
    "Bae Soo-ah", "Hwang Min-gyu", "Ryu Da-eun", "Jeon Hae-won",
    "Kwak Jun-seo", "Baek Seung-hyun", "Namgoong Yuri", "Seonwoo Ha-neul",
    "Maeng Ji-yeon",
    # Vietnamese
    "Trịnh Quang Vinh", "Lê Khánh Linh", "Phùng Minh Tuấn", "Đoàn Bảo Ngọc",
    "Võ Hoài Nam", "Quách Thùy Dung", "Lương Thế Hiển",
    # Thai
    "Siriporn Thongchai", "Kittisak Wongsuwan", "Nattaporn Chaiyasit",
    "Thanawat Rattanakorn", "Pimchanok Sukprasert", "Chalermchai Boonyarit",
    # Indonesian
    "Yosafat Simanjuntak", "Ni Luh Putu Ariani", "Galih Wicaksono",
    "Lestari Purbaningrum", "Hendrawan Situmorang", "Cut Nyak Meutia Rahmah",
    "Fitriani Lubis",
    # Filipino
    "Maricel Dimaculangan", "Joselito Bagatsing", "Jericho Malabanan",
    "Liezel Pangilinan", "Bienvenido Tolentino", "Divina Catacutan",
    "Ma. Theresa Sayson",
    # Slavic
    "Radosław Wierzbicki", "Zdenka Hrubá", "Miroslav Krčmář",
    "Yaroslava Ostapchuk", "Bogdana Lysenko", "Dragan Vukašinović",
    "Snežana Milojković", "Przemysław Chmielewski", "Ludmila Bezrukova",
    "Ksenia Zhdanovich", "Vsevolod Artemyev", "Blažena Kopecká",
    # Nordic
    "Sigrún Hallgrímsdóttir", "Torbjørn Ellingsen", "Eino Väisänen",
    "Liisa Kärkkäinen", "Halvard Østergaard", "Ingeborg Fjeldstad",
    "Björn-Ove Lindqvist", "Ragnhild Aasland", "Aksel Sæbø",
    "Tuulikki Heinonen-Salo",
    # Greek
    "Panagiotis Kontogiannis", "Stavroula Theodorakopoulou", "Kyriakos Mavridis",
    "Despina Charalambous", "Evangelos Kapodistrias-Vlachos",
    # Hungarian
    "Zsófia Halmágyi", "Bence Szőllősi", "Ildikó Farkasházy",
    "Gergely Vörösmarty", "Réka Tóth-Baranyi",
    # Latin American
    "Xiomara Quispe Mamani", "Yupanqui Condori", "Itzel Cuauhtli Ramírez",
    "Anacleto Villalobos", "Guadalupe Tzuc", "Maricruz Yáñez",
    "Wilmer Chávez Huamán", "Yaneth Ocampo", "Ninfa Ayala Benítez",
    "Tupac Cárdenas", "Edelmira Sosa Riquelme",
    # Portuguese / Brazilian
    "Joaquim Magalhães Bettencourt", "Iracema dos Santos Leitão",
    "Conceição Figueiredo", "Leopoldina de Albuquerque", "Rui Valadares",
    "Jandira Falcão",
    # Spanish / Basque / Catalan
    "Ximena de la Fuente-Arrieta", "Begoña Etxeberria", "Íñigo Urkiza",
    "Remedios Castañeda", "Amparo Villaseñor", "Nuria Vilaplana",
    # Hebrew
    "Yehudit Ben-Ami", "Avishai Rosenzweig", "Tzipora Halevi",
    "Noam Shalev-Tzur", "Ayelet Gurevich", "Elkana Mizrahi",
    # Polynesian / Māori / Hawaiian
    "Tevita Fifita", "Losaline Taufa", "Manaia Tuilagi", "Sefo Leaupepe",
    "Hinemoa Te Rangi", "Keoni Kahananui", "Tamatea Paewai", "Moana Kealoha",
    "Vaiana Teriitehau",
    # Western/Northern European with particles, Gaelic, etc.
    "Joost van der Kolk", "Maaike de Graaf-Visser", "Sietske ter Horst",
    "Geert van den Broecke", "Ottilie Fürstenberger", "Wendelin von Hohenau",
    "Saoirse Ní Dhubhghaill", "Caoimhín Ó Súilleabháin", "Eilidh MacGillivray",
    "Apolline Desrosiers-Lacroix", "Gwenaëlle Le Goff", "Ludovica Dell'Acqua",
    "Fiorenzo D'Alessandro", "Anne-Sophie du Plessis",
    # With initials
    "A. K. Ramanathan", "M.-L. Bergeron", "J. R. Okafor-Mills",
    "T. S. Venkatesan", "E. B. Ntim", "Kwame A. Boakye-Yiadom",
    "Harriet J. Pemberton-Oyelaran",
    # Invented
    "Oriel Vantongeren", "Kessa Marwick-Oyelaran", "Dalibor Quennell",
    "Ysolde Farringale", "Tamsin Okereke-Lund", "Corvin Halloway-Mbatha",
    "Linnea Castelvecchi", "Zoltan Ferreira-Nakamura", "Meskerem Aldana",
    "Ilario Tshabalala",
]

PERSON_GIVEN = [
    "Ebunoluwa", "Chidubem", "Nyokabi", "Kourosh", "Berrak", "Shreyasi",
    "Yuzuki", "Soo-ah", "Pimchanok", "Liezel", "Przemysław", "Sigrún",
    "Stavroula", "Zsófia", "Xiomara", "Begoña", "Avishai", "Losaline",
    "Sietske", "Caoimhín", "Ysolde", "Tinashe", "Mugisha", "Anasuya",
    "Thiruvengadam", "Dilrukshi", "Yosafat", "Galih", "Aksel", "Hinemoa",
    "Tevita", "Golnaz", "Oğuzhan", "Kiplagat", "Zawadi", "Mawuli", "Hodan",
    "Tuulikki", "Ragnhild", "Iracema", "Itzel", "Yupanqui", "Edelmira",
    "Tzipora", "Elkana", "Gwenaëlle", "Ottilie", "Vsevolod", "Blažena",
    "Chalermchai", "Nattaporn", "Mitsuko", "Daigo", "Hae-won", "Khánh Linh",
    "Bảo Ngọc", "Lerato", "Meskerem", "Tamatea", "Farrukh", "Ghada", "Bassam",
    "Chinwendu", "Shahrzad", "Kyriakos", "Ildikó", "Anacleto", "Jandira",
    "Íñigo", "Keoni", "Eilidh", "Ludovica", "Tomoe", "Hiromasa", "Sowmya",
]

PERSON_SURNAME = [
    "Nwachukwu", "Ikwuemesi", "Gebremariam", "Mahlangu", "Sadeghpour",
    "Karaosmanoğlu", "Kulshreshtha", "Wickramasinghe", "Zhuge", "Wakabayashi",
    "Namgoong", "Wongsuwan", "Simanjuntak", "Dimaculangan", "Wierzbicki",
    "Väisänen", "Kontogiannis", "Szőllősi", "Quispe", "Bettencourt",
    "Etxeberria", "Rosenzweig", "Leaupepe", "van der Kolk", "al-Harthy",
    "Ó Súilleabháin", "Okonkwo-Eze", "Chepkoech", "Tumusiime", "Boukhalfa",
    "Tabatabaei", "Çakıroğlu", "Bhattacharjee", "Gunawardena", "Inokuchi",
    "Obinata", "Baek", "Chaiyasit", "Situmorang", "Bagatsing", "Krčmář",
    "Ostapchuk", "Østergaard", "Fjeldstad", "Charalambous", "Farkasházy",
    "Villalobos", "Huamán", "Magalhães", "Villaseñor", "Ben-Ami", "Fifita",
    "Kahananui", "MacGillivray", "Dell'Acqua", "Desrosiers-Lacroix", "Quainoo",
    "Abu-Rish", "Mukhopadhyay", "Kuwabara", "Vantongeren", "Farringale",
    "de la Fuente", "El Fassi", "Te Rangi", "ter Horst", "Heinonen-Salo",
    "Olatunbosun", "Woldemichael", "Jahanbani", "Tepebaşı",
]

PERSON_LOWER = [
    "ebunoluwa", "kourosh", "nyokabi", "yuzuki", "przemek", "sigrun",
    "xiomara", "tevita", "anasuya", "galih", "sietske", "dilrukshi",
    "halvard", "wanjiru", "berrak", "liezel", "zsofi", "avishai", "hinemoa",
    "tinashe", "mugisha", "begoña", "oguzhan", "yosafat", "chalermchai",
    "losaline", "stavroula", "itzel", "golnaz", "ragnhild", "caoimhin",
    "mawuli", "zawadi", "nattaporn", "daigo", "soo-ah", "iracema", "tzipora",
    "farrukh", "shreyasi", "meskerem", "thandeka",
]

PERSON_LOWER_FULL = [
    "wanjiru kamau", "thanawat rattanakorn", "joost van der kolk",
    "le khanh linh", "kagiso molefe", "yusuf al-qahtani", "apurva deshpande",
    "chiaki hoshino", "radek wierzbicki", "moana kealoha", "maricel dimaculangan",
    "tesfaye gebremariam", "eino vaisanen", "ninfa ayala", "hwang min-gyu",
    "selin cakiroglu", "rui valadares", "bassam tannous",
]

# companies: invented (with/without legal-form suffix) and real small/mid-size
ORG_COMPANY = [
    "Kestrel Freight Ltd", "Brackenfield Analytics GmbH",
    "Pampa Verde Agroindustrial S.A.", "Lumenhart Systems Inc.",
    "Tidewell Logistics LLC", "Quellwerk Pumpen AG", "Hoshizora Seimitsu KK",
    "Wattle Creek Solar Pty Ltd", "Nordavind Shipping AS",
    "Mavi Deniz Tekstil A.Ş.", "Hradec Ocelárny s.r.o.",
    "Calderón & Ruiz Abogados S.L.", "Baobab Microfinance Ltd.",
    "Fernhollow Biotech plc", "Saffron Loop Foods Pvt Ltd",
    "Thornbury Glass BV", "Zephyrine Labs SAS", "Marimba Pagos S.A. de C.V.",
    "Vantablu Srl", "Osprey Ridge Capital LP",
    "Kobaltwerk Elektronik GmbH & Co. KG", "PT Sinar Kelapa Nusantara",
    "Tandem Ferments Oy", "Gråsten Mølle ApS", "Ruapehu Honey Co.",
    "Mirador Clinical Research LLC", "Nakagawa Denki Co., Ltd.",
    "Bristlecone Data Inc.", "Ostrander & Vale LLP",
    "Haldane Biosciences Ltd", "Yamabuki Foods KK",
    "Kalahari Fibre Networks (Pty) Ltd", "Lindqvist & Söner AB",
    "Vergara Hermanos S.A.", "Selvaggio Vini S.p.A.", "Pinecrest Robotics",
    "Tallowmere", "Northwind Chai Collective", "Aurelian Freight",
    "Copperleaf Insurance", "Bluefin Ledger", "Moonhollow Games",
    "Sable & Thistle", "Quillfeather", "Brightmoor Housing Association",
    "Cedarpoint Dental Group", "Zerodha", "Nubank", "Mercado Libre", "Rappi",
    "Gojek", "Xero", "Canva", "Paystack", "Flutterwave", "M-Kopa",
    "Safaricom", "Jumia", "Talabat", "Careem", "Trendyol", "Allegro",
    "Zalando", "Vinted", "Revolut", "Klarna", "Mambu", "Freshworks",
    "Razorpay", "Tokopedia", "Coupang", "Kakao", "Mercari", "VNG Corporation",
    "Grupo Bimbo", "Embraer", "Vestas", "Ørsted", "Novozymes", "Kone",
    "Fiskars", "Husqvarna", "Arçelik", "Koç Holding", "Ayala Corporation",
    "Jollibee Foods Corporation", "Charoen Pokphand Foods", "Petronas",
    "Pertamina", "Ecopetrol", "Codelco", "Sonatrach",
]

# NGOs / foundations
ORG_NGO = [
    "Mozilla Foundation", "Médecins Sans Frontières", "BRAC", "Grameen Bank",
    "Wikimedia Foundation", "Practical Action", "Amref Health Africa",
    "Sightsavers", "WaterAid", "Tostan", "Fundación Pies Descalzos",
    "Slum Dwellers International", "GiveDirectly", "Barefoot College",
    "Pratham",
]

# universities
ORG_UNI = [
    "University of Tartu", "Universidad Nacional de Cuyo",
    "Makerere University",
    "Kwame Nkrumah University of Science and Technology",
    "Universitas Gadjah Mada", "Universidad de Antioquia",
    "University of Twente", "Aalto University", "Jagiellonian University",
    "Pontificia Universidad Javeriana", "University of Ibadan",
    "Hokkaido University", "Chulalongkorn University", "IIT Kharagpur",
    "Ateneo de Manila University", "Université Cheikh Anta Diop",
    "University of Otago", "Masaryk University", "Bilkent University",
    "Sharif University of Technology", "Universidade Federal de Pernambuco",
    "Addis Ababa University",
]

# hospitals
ORG_HOSP = [
    "Groote Schuur Hospital", "Kenyatta National Hospital",
    "Hospital Italiano de Buenos Aires", "Tan Tock Seng Hospital",
    "Rigshospitalet", "Christian Medical College Vellore",
    "Hôpital Maisonneuve-Rosemont", "Aga Khan University Hospital",
    "Korle Bu Teaching Hospital", "Sunnybrook Health Sciences Centre",
    "Siriraj Hospital", "Hadassah Medical Center",
    "Starship Children's Hospital",
]

# government agencies
ORG_GOV = [
    "Bundesamt für Migration und Flüchtlinge", "Land Transport Authority",
    "Ghana Revenue Authority", "Kenya Revenue Authority",
    "Comisión Federal de Electricidad",
    "Instituto Brasileiro de Geografia e Estatística",
    "Philippine Statistics Authority", "Agence nationale de la recherche",
    "Danmarks Statistik", "Bundesnetzagentur", "Australian Taxation Office",
    "Swedish Transport Administration", "Icelandic Meteorological Office",
    "Federal Emergency Management Agency", "Servicio de Impuestos Internos",
    "Korea Meteorological Administration",
]

ORG = ORG_COMPANY + ORG_NGO + ORG_UNI + ORG_HOSP + ORG_GOV

# cities and towns
GPE_CITY = [
    "Tamale", "Kumasi", "Eldoret", "Kisumu", "Mwanza", "Bahir Dar",
    "Gqeberha", "Bulawayo", "Lubumbashi", "Sfax", "Tlemcen", "Agadir",
    "Bobo-Dioulasso", "Ziguinchor", "Gulu", "Mekelle", "Kigoma", "Ndola",
    "Tabriz", "Isfahan", "Eskişehir", "Trabzon", "Gaziantep", "Haifa",
    "Be'er Sheva", "Irbid", "Sohar", "Salalah", "Osh", "Samarkand",
    "Coimbatore", "Madurai", "Jhansi", "Sylhet", "Kandy", "Pokhara",
    "Hubballi", "Guwahati", "Rajshahi", "Jaffna", "Chengdu", "Guilin",
    "Hefei", "Kanazawa", "Matsumoto", "Daegu", "Jeonju", "Đà Lạt", "Huế",
    "Chiang Rai", "Hat Yai", "Yogyakarta", "Makassar", "Balikpapan", "Cebu",
    "Iloilo", "Davao", "Ipoh", "Luang Prabang", "Battambang", "Tainan",
    "Wrocław", "Łódź", "Brno", "Olomouc", "Košice", "Lviv", "Kharkiv",
    "Novi Sad", "Plovdiv", "Cluj-Napoca", "Tartu", "Tampere", "Oulu",
    "Trondheim", "Tromsø", "Aarhus", "Umeå", "Akureyri", "Thessaloniki",
    "Patras", "Debrecen", "Pécs", "Braga", "Coimbra", "Bilbao", "Valladolid",
    "Galway", "Inverness", "Groningen", "Ghent", "Lyon", "Nantes", "Freiburg",
    "Bolzano", "Maribor", "Arequipa", "Cusco", "Cochabamba", "Rosario",
    "Mendoza", "Valparaíso", "Medellín", "Barranquilla", "Guadalajara",
    "Oaxaca", "Mérida", "Curitiba", "Recife", "Manaus", "Quetzaltenango",
    "Saskatoon", "Moncton", "Sudbury", "Duluth", "Boise", "Spokane", "Tulsa",
    "Chattanooga", "Asheville", "Nukuʻalofa", "Apia", "Rotorua", "Dunedin",
    "Townsville", "Ballarat", "Suva",
]

# regions, provinces, states, prefectures
GPE_REGION = [
    "Western Cape", "KwaZulu-Natal", "Limpopo", "Oromia", "Kerala", "Sindh",
    "Hokkaido", "Sabah", "Sarawak", "Andalusia", "Saxony", "Limburg",
    "Wallonia", "Tyrol", "Lapland", "Minas Gerais", "Rio Grande do Sul",
    "Chiapas", "Yucatán", "Antioquia", "Nunavut", "Quebec", "Tasmania",
    "Northland",
]

# countries (a few famous, mostly smaller)
GPE_COUNTRY = [
    "Kenya", "Ghana", "Uruguay", "Bhutan", "Estonia", "Laos", "Fiji", "Tonga",
    "Moldova", "Paraguay", "Namibia", "Kyrgyzstan", "Malawi", "Montenegro",
    "Suriname", "Brunei", "Germany", "Japan", "Brazil", "India",
]

GPE = GPE_CITY + GPE_REGION + GPE_COUNTRY

# --------------------------------------------------------------------------
# Positive frames (hand-written sentence shapes).
# --------------------------------------------------------------------------
FRAMES = [
    # --- LLM prompts / imperatives
    "Summarize the email from <P> about the delayed shipment to <G>.",
    "Draft a polite reply to <PG> saying we can meet next Thursday.",
    "Translate this note for <P> into French before the call with <O>.",
    "Write a short bio for <P>, who leads the data team at <O> in <G>.",
    "Rewrite this paragraph so it sounds less formal; it's going to <PG>.",
    "Can you check whether <O> has an office in <G>?",
    "Give me three subject lines for an intro email between <P> and <P>.",
    "Extract all action items assigned to <PG> from the transcript below.",
    "Explain to <PG> why the invoice from <O> was rejected.",
    "List the risks of moving our warehouse from <G> to <G>.",
    "Compose a thank-you note to Dr. <PS> for the referral.",
    "Summarize <P>'s feedback on the onboarding flow in two bullet points.",
    "Turn <PG>'s notes into a one-page brief for the board of <O>.",
    "Please proofread the cover letter I'm sending to <O>.",
    "Make a packing list for my trip to <G> in the rainy season.",
    "Compare the offers from <OC> and <OC> and recommend one.",
    "What time zone is <G> in? I need to schedule a call with <PG>.",
    "Help me write a LinkedIn recommendation for <P>.",
    "Classify this complaint from <P> as billing, shipping or product.",
    "Draft an apology to Mrs. <PS> for the double charge on the card.",
    "Outline a 20-minute talk that <P> can give at <O>.",
    "Reformat the address for <P> in <G> so it fits on a shipping label.",
    "Who should I contact at <O> about the grant, <P> or <P>?",
    "Convert this table of <O> expenses into a bar chart description.",
    "Generate interview questions for <PG>, who is applying from <G>.",
    "Suggest a name for the joint venture between <OC> and <OC>.",
    "Find the contradiction between what <PG> said and what Mr. <PS> wrote.",
    "Write a haiku about the harbour in <C>.",
    "Tell me how to politely decline <PG>'s invitation to the offsite.",
    "create a study plan for <PL>, exams are in six weeks",
    "ask <PL> if the slides are done",
    "remind me to call <PL> tomorrow about the <G> trip",
    "Rephrase: \"<P> will join <O> as head of research starting in May.\"",
    "Is it cheaper to ship from <G> or from <G> to <G>?",
    "Give a neutral summary of the dispute between <O> and the city of <C>.",
    "Draft minutes for the meeting chaired by Prof. <PS>.",
    "Write a product description for a tea blend grown near <G>.",
    "Prepare talking points for <P> ahead of the interview with <O>.",
    "Check this sentence for grammar: <PG> and me went to <G> last spring.",
    "Generate a polite follow-up to <OC> regarding PO 88-1123.",
    # --- letters
    "Dear Mr. <PS>, thank you for your letter of 3 March.",
    "Dear <PG>, I hope this finds you well after your move to <G>.",
    "Dear Dr. <PS>, please find attached the revised consent form from <O>.",
    "Dear Ms. <PS> and Mr. <PS>, we are pleased to confirm your booking.",
    "To whom it may concern: <P> worked at <O> from 2016 to 2021.",
    "Kind regards, <P>, Procurement Lead, <O>",
    "Best, <PG> (sent from my phone in <G>)",
    "Dear Hiring Committee at <OU>, I am writing to apply for the postdoc position.",
    "Dear <P>, on behalf of <O> I would like to invite you to speak in <G>.",
    "Yours sincerely, Prof. <P>, Department of Hydrology, <OU>",
    "Hi <PG>, quick question about the <C> office lease.",
    "Dear members of the <O> board, the audit is complete.",
    # --- support tickets
    "Ticket #4411: customer <P> from <G> reports that the app crashes on login.",
    "Ticket #9027 (priority: high) - <O> cannot export invoices since Tuesday.",
    "Case 31-882: <PG> says the courier left the parcel in <C> instead of <C>.",
    "[ESCALATED] <P> (<O>) requests a refund for order 55190.",
    "Support chat: user <PL> asks why the <G> warehouse shows zero stock.",
    "INC-2207 opened by <P>: VPN drops every 15 minutes in the <C> branch.",
    "Customer <P> called twice and wants to speak to someone at <O> directly.",
    "Ticket #7730: delivery address changed from <G> to <G> by <PG>.",
    "Reopened by <PS> - the fix from last sprint did not reach <G> users.",
    "Complaint logged: <OC> charged us twice for the <G> conference booth.",
    "Ticket #1204 assigned to <PG>; requester: <P>, <O>.",
    "Agent note: spoke with Mr. <PS>, promised a callback before Friday.",
    # --- chat messages
    "hey <PL>, are you still in <G> or back home?",
    "lol <PG> just sent the wrong deck to <O> again",
    "<PG>: can someone cover my shift on Saturday?",
    "@<PL> pls review my PR before standup",
    "just landed in <C>, <PG> is picking me up",
    "omg <P> is joining <O>??",
    "did <PL> ever reply about the <C> apartment?",
    "<PG> and <PG> are both out sick today",
    "ok so <O> finally signed, tell <PG>",
    "brb, call with <P> from <O>",
    "anyone know a good dentist in <C>? asking for <PL>",
    "tell <PL> the cake is in the fridge",
    "talk to <PL> about the budget, they have the numbers",
    "<PG> says hi from <G>!",
    "cc <PG>, <PG> - need sign-off by EOD",
    "can you forward this to <PF>? thx",
    "meeting w/ <PF> moved to 3pm",
    "pls add <PF> to the <O> thread",
    # --- meeting notes
    "Attendees: <P>, <P>, <P> (<O>)",
    "Action item: <PG> to send the revised quote to <OC> by Friday.",
    "Notes 12/04 - <P> presented the <G> pilot results; churn down 4%.",
    "Decision: we will not expand to <G> until <O> confirms funding.",
    "<PS> raised concerns about the data-sharing clause with <O>.",
    "Next steps: Dr. <PS> to contact the ethics board at <OU>.",
    "Apologies received from <P> and <PG>.",
    "AOB: <PG> is relocating to <G> in Q3.",
    "Minutes taken by <P>; reviewed by <PG>.",
    "Follow-up with <OC> in <G> re: customs paperwork (owner: <PG>).",
    "Guest speaker: <P>, Chief Economist at <O>.",
    # --- CSV / JSON / YAML / SQL fragments inside prompts
    "Parse this row: <P>,<O>,<G>,2023-11-02,approved",
    "{\"customer\": \"<P>\", \"city\": \"<C>\", \"plan\": \"pro\"}",
    "Convert to CSV: name=<P>; employer=<O>; location=<G>",
    "[{\"id\": 17, \"owner\": \"<P>\"}, {\"id\": 18, \"owner\": \"<P>\"}]",
    "Fix the JSON: {name: '<P>', company: '<O>'}",
    "Which rows mention <G>? id|vendor|city 1|<OC>|<C> 2|<OC>|<C>",
    "YAML snippet: maintainer: <P> / org: <O> / region: <G>",
    "SELECT * FROM vendors WHERE name = '<OC>' AND city = '<C>';",
    "Map each contact to a region: <P> -> <G>, <P> -> <G>",
    "Why is this invalid? {\"assignee\": \"<PL>\", \"status\": blocked}",
    "Header row is id,name,city; first record is 4,<P>,<C>",
    "Dedupe these vendors: <OC> | <OC> | <OC>",
    # --- code comments
    "// TODO(<PL>): remove this hack once <OC> fixes their API",
    "# Owner: <P>, escalation: <O> on-call",
    "/* Ported from the <G> team's implementation, see <PG>'s notes */",
    "# NOTE: rates for <G> are hard-coded until <O> publishes the new table",
    "// Written by <P> during the 2019 hackathon in <G>",
    "# FIXME: <PG> says this breaks for addresses in <G>",
    "-- contact <P> before changing this view (used by <O> reports)",
    "// reviewed-by: <P>",
    "# Thanks to <P> of <O> for the patch",
    "Explain this comment: // per <PG>, <G> uses a different VAT rounding",
    # --- narrative / business / general
    "<P> founded <OC> in <G> in 2008.",
    "After leaving <O>, <PG> moved to <G> and started a bakery.",
    "<OC> appointed <P> as its new chief financial officer.",
    "The contract between <O> and <O> was signed in <G>.",
    "<P>, a nurse at <OH>, was interviewed about staffing shortages.",
    "The delegation from <G> was led by <P>.",
    "<OC> has opened a second plant outside <G>.",
    "According to <P>, the flood affected most villages around <G>.",
    "<PG> grew up in <G> but studied at <OU>.",
    "I met <P> at a workshop hosted by <O>.",
    "The grant was awarded to <P> and the team at <OU>.",
    "<OC> is suing <OC> over a patent on solar inverters.",
    "Our supplier in <G>, <OC>, raised prices by 12%.",
    "<P> will be the keynote speaker when <O> meets in <G>.",
    "Flights from <C> to <C> were cancelled because of the storm.",
    "The survey was carried out in <G>, <G> and <G>.",
    "My grandmother was born in <G> and moved to <G> after the war.",
    "<PS>'s team at <O> shipped the redesign two weeks early.",
    "Researchers at <OU> and <OU> published the dataset jointly.",
    "Prof. <PS> of <OU> disagrees with the findings.",
    "Please book a table for four under the name <PS>.",
    "Ask Dr. <PS> whether the <C> clinic is open on public holidays.",
    "I'm flying to <G> to see <PG>'s family.",
    "The courier from <OC> left a note for <P>.",
    "<P> and <P> co-authored the report for <O>.",
    "Our new hire, <P>, relocated from <G>.",
    "Can you recommend hotels in <C> close to <O>?",
    "My landlord, Mr. <PS>, won't return the deposit.",
    "<OC>'s quarterly results beat expectations in <G>.",
    "Send the draft to <PG> and copy <PG>.",
    "Invoice 2024-118 from <OC> is addressed to <P>, <G>.",
    "<PG>, <PG> and <PG> will represent <O> at the fair.",
    "Write a short poem for <PG>'s retirement party.",
    "Explain the tax rules for a freelancer living in <G> who bills <OC>.",
    "<P> is the point of contact for all vendors in <G>.",
    "What does <O> do? My cousin <PG> just got an offer there.",
    "The trade envoy from <G> met <P> on Tuesday.",
    "Before joining <O>, the candidate interned at <O>.",
    "Reminder: <PG>'s visa appointment in <C> is at 9:40.",
    "Write a toast for <PG> and <PG>'s wedding in <G>.",
    "Is <OC> a reliable supplier? They're based in <G>.",
    "Give me a plain-language summary of <PS> v. <O>.",
    "The hackathon in <G> was sponsored by <O>.",
    "My manager <P> asked me to prepare a forecast for <G>.",
    "Resolve the merge conflict in the file <PG> edited yesterday.",
    "How do I say thank you to <PG> in the local language of <G>?",
    "<P> from accounting says <OC> still owes us EUR 4,200.",
    "Schedule a call with <PS> (<O>, <G>) for next week.",
    "Rewrite this tweet from <O> announcing their move to <G>.",
    "Patient referred by Dr. <PS> from <OH>; lives in <G>.",
    "Does <OC> ship to <G>? Asking for <PG>.",
    "<PG> wrote: \"I'll be in <G> until the 14th, then <G>.\"",
    "Introduce <P> to <P>; they both work on water policy in <G>.",
    "Summarize the article by <P> about the tram network in <C>.",
    "Write an out-of-office message saying <PG> handles urgent requests.",
    "Interview transcript - <PG>: We started <OC> in a garage in <C>.",
    "Volunteers from <ON> distributed meals in <G> last weekend.",
    "Thanks <PG>! Tell <PS> I said hello.",
    "Book two seats on the night train from <C> to <C>.",
    "Who is the mayor of <C>?",
    "Draft a press release: <OC> acquires <OC> for an undisclosed sum.",
    "The <ON> office in <G> needs more volunteers.",
    "Give feedback on <PG>'s essay about migration from <G>.",
    "Ms. <PS> asked whether <OC> accepts bank transfers from <G>.",
    "Please anonymize this paragraph: <P> was treated at <OH> after a fall in <G>.",
    "Redact the names in: \"<P> told <P> the shipment left <G> late.\"",
    "Rank these universities for marine biology: <OU>, <OU>, <OU>.",
    "<P>'s flight from <C> lands at 06:15.",
    "Can <PG> expense the taxi from the airport in <C>?",
    "Our <G> distributor, <OC>, wants exclusive rights.",
    "Is it rude to call <PG> by the first name in <G>?",
    "<PS> & <PS> will review the <O> proposal on Monday.",
    "Write a eulogy outline for <P>, a teacher from <C>.",
]

# Frames without slots: each one is a single hand-placed sentence with literal
# entities, mostly to put an entity next to a product/hard-negative word.
LITERAL_FRAMES = [
    "Explain how [ORG:Safaricom] built M-Pesa into a payments platform.",
    "[PERSON:Kavya Thirunavukkarasu] keeps her Python notebooks on a shared drive.",
    "Does [ORG:Canva] offer a discount for schools in [GPE:Bhutan]?",
    "[PERSON:Ruslan Bekmukhambetov] uses Excel, not Google Sheets, for the forecasts.",
    "In January [PERSON:Mirela Ţugulea] moved from [GPE:Iaşi] to [GPE:Timişoara].",
    "The Senior Engineer on call, [PERSON:Abdou Karim Ndiaye], restarted the Kafka brokers.",
    "Every Monday [PERSON:Ólafur Þórðarson] posts the Jira summary for [ORG:Icelandic Meteorological Office].",
    "Ask [PERSON:Tuğba] whether the Java service or the Rust one owns the cache.",
    "[ORG:Trendyol] and [ORG:Arçelik] both have engineering hubs in [GPE:Ankara].",
    "Write a thank-you card to Mrs. [PERSON:Ifeyinwa Anyanwu-Clarke] for the Christmas hamper.",
    "[PERSON:Koa Nāone] fixed the Docker build before the Friday release.",
    "The Product Manager, [PERSON:Siosaia Vainikolo], wants the roadmap for [GPE:Tonga] by March.",
    "Compare iPhone prices on [ORG:Jumia] and [ORG:Konga] for delivery to [GPE:Abuja].",
    "Meeting notes: [PERSON:Nilufar Yuldasheva] (Head of Sales) will visit [GPE:Samarkand] in April.",
    "[PERSON:Aroha Ngata-Whaanga] prefers Slack to email for anything urgent.",
    "Draft a Kubernetes runbook for [ORG:Razorpay]'s on-call team.",
    "dr. [PERSON:ayodele fagbemi-ross] sent the scan results from [ORG:Korle Bu Teaching Hospital].",
    "The TypeScript migration at [ORG:Mambu] was led by [PERSON:Grete Tõnisson].",
    "[PERSON:Phan Ngọc Diệp] teaches Go and Swift at [ORG:Universitas Gadjah Mada].",
    "Wednesday's webinar features [PERSON:Eyerusalem Tadesse] from [ORG:Amref Health Africa].",
]

# --------------------------------------------------------------------------
# Negative sentences: no entity, but hard negatives (capitalised words at
# sentence start, weekdays, months, holidays, programming languages, software
# products, job titles, nationalities/languages, eponymous technical terms,
# title-case subject lines, words that double as given names).
# --------------------------------------------------------------------------
NEGATIVES = [
    "Summarize the attached report in three bullet points.",
    "Monday works better for me than Wednesday.",
    "Please convert this Python script to Java.",
    "Can you explain the difference between Rust and Go for backend services?",
    "Draft a job description for a Senior Data Engineer.",
    "The Product Manager wants the roadmap by the end of March.",
    "Dear Customer, your order has been shipped.",
    "Dear Hiring Manager, I am excited to apply for the role.",
    "Open the spreadsheet in Excel and sort by the second column.",
    "My iPhone keeps restarting after the latest update.",
    "Write a Kubernetes manifest for a Redis deployment.",
    "Happy New Year to the whole team!",
    "We close early on Christmas Eve and reopen on the second of January.",
    "Translate this paragraph into Portuguese.",
    "Is Spanish or Italian easier to learn for a French speaker?",
    "Mark this ticket as resolved.",
    "Bill attached for last month's cleaning service.",
    "May I ask a follow-up question about the refund policy?",
    "Grace periods for late payments are usually fourteen days.",
    "Frank feedback is welcome, even if it stings.",
    "Will the new pricing apply to existing subscribers?",
    "Rose gold is the most popular finish this season.",
    "Our Head of Sales will present the Q3 numbers.",
    "The Board approved the budget on Thursday.",
    "Ask HR whether the Finance team needs the form signed.",
    "The Marketing department wants a new logo by Friday.",
    "Explain SQL window functions with an example.",
    "What is the best way to learn TypeScript in a month?",
    "Write a regex that matches ISO 8601 dates.",
    "The Customer Success Manager will follow up tomorrow.",
    "Convert 72 degrees Fahrenheit to Celsius.",
    "Roast turkey needs about four hours at low heat.",
    "She collects fine china and old maps.",
    "Add a pinch of chili and simmer for ten minutes.",
    "Set the font to Georgia and the line height to 1.5.",
    "The Chief Technology Officer signed off on the migration.",
    "Reply All is disabled for this distribution list.",
    "Working hours are shorter during Ramadan.",
    "Diwali sales usually start in October.",
    "The Terms and Conditions were updated last Tuesday.",
    "Use Markdown tables instead of HTML.",
    "Write unit tests for the Parser class using JUnit.",
    "Our Slack channel is too noisy; suggest some etiquette rules.",
    "Share the Figma file with the Design team.",
    "The Notion page has the full onboarding checklist.",
    "Schedule a Zoom call for Tuesday at 10.",
    "Why does my Docker container exit immediately?",
    "The Kindle version has a broken table of contents.",
    "Explain how PageRank works to a ten-year-old.",
    "Make the README shorter and friendlier.",
    "fix NullPointerException in OrderService.getTotal()",
    "The Vice President of Operations is on leave until August.",
    "Describe the plot of a mystery novel set on a night train.",
    "Give me a recipe for vegan lasagne.",
    "Our Annual General Meeting is on the last Friday of June.",
    "The Senior Accountant flagged three duplicate invoices.",
    "Write a cover letter for a junior nurse position.",
    "Sunday brunch is cancelled because of the rain.",
    "Explain the Pythagorean theorem without using algebra.",
    "Apply Gaussian blur to the background layer.",
    "Is Bluetooth Low Energy suitable for this sensor?",
    "Draft a Code of Conduct for our open-source project.",
    "The Wi-Fi password is on the fridge.",
    "Summer interns start on the first Monday of July.",
    "Please rate the Support Agent from one to five.",
    "Explain Big O notation with examples in JavaScript.",
    "Turn on Dark Mode in the settings menu.",
    "Our Office Manager ordered new chairs.",
    "The Chairman's remarks were cut from the final version.",
    "Calculate the VAT on an invoice of 1,250 euros.",
    "Explain the difference between GDPR and CCPA.",
    "Write a SQL query to find duplicate emails.",
    "Does the Pro plan include priority support?",
    "Premium Economy seats have more legroom.",
    "The Annual Report template uses too many fonts.",
    "Prepare a Gantt chart for the next sprint.",
    "Lunch and Learn sessions happen every other Thursday.",
    "Black Friday traffic crashed the checkout page.",
    "Write a limerick about a cat who hates Mondays.",
    "Ask the Team Lead before merging to main.",
    "Add Swagger docs for the new endpoints.",
    "The Linux kernel panicked right after the update.",
    "Can Android apps run on ChromeOS?",
    "Please Summarize This Quickly",
    "Urgent: Server Down Since Midnight",
    "RE: Follow Up On Yesterday's Call",
    "FW: Updated Price List For Spring",
    "Quick Question About The Invoice",
    "Great Job Everyone On The Launch!",
    "New Year's resolutions for a small business owner?",
    "Help me name my sourdough starter.",
    "Should I learn Haskell or Scala first?",
    "Explain what a Fourier transform does.",
    "The Doctor will see you at half past two.",
    "Judge for yourself whether the argument holds.",
    "Hope you had a relaxing Easter weekend.",
    "Tell the Captain that boarding is delayed.",
    "The Professor assigned two chapters for Friday.",
    "Explain how Kafka consumer groups rebalance.",
    "Spark jobs fail when the Parquet files are too small.",
    "Flink checkpoints keep timing out.",
    "Configure Jenkins to run the pipeline nightly.",
    "Write a Terraform module for an S3 bucket.",
    "Is Elixir a good choice for a chat server?",
    "Ruby on Rails or Django for a quick prototype?",
    "Julia is faster than Python for this kind of numeric code.",
    "Swift and Kotlin both support null safety.",
    "Dart compiles to native code and JavaScript.",
    "Pascal was the first language I learned in school.",
    "My Ubuntu laptop won't wake from sleep.",
    "Safari blocks third-party cookies by default.",
    "Chrome extensions keep getting disabled.",
    "Jira tickets should have acceptance criteria.",
    "Tableau dashboards load slowly on Mondays.",
    "Photoshop crashes when I open large files.",
    "Autumn colours look great in the new banner.",
    "The Director of Engineering will join the retro.",
    "Sign the NDA before the kickoff.",
    "Welcome To The Team!",
    "Summary: Revenue Up, Costs Flat, Margins Improving",
    "The Treasurer reported a small surplus.",
    "Write a Shakespearean sonnet about a printer jam.",
    "Compare Keynesian and monetarist views on inflation.",
    "I need a Victorian-style font for the menu.",
    "Gothic architecture question: what are flying buttresses?",
    "Is the Mediterranean diet good for cholesterol?",
    "Explain Arabic numerals versus Roman numerals.",
    "The Italian translation sounds stiff.",
    "Our Japanese customers prefer bank transfers.",
    "Convert the prices to Swiss francs.",
    "How many Korean won is a dollar?",
    "Chinese New Year falls in February this time.",
    "Compose a French-style bistro menu.",
    "Write an email in Dutch to thank the landlord.",
    "The Hindi subtitles are out of sync.",
    "Is Turkish coffee stronger than espresso?",
    "Make the tone warmer and less corporate.",
    "Shorten this to under 280 characters.",
    "Pull Request #212 breaks the build on Windows.",
    "Version 3.2 Release Notes: Bug Fixes And Improvements",
    "Every Tuesday And Thursday We Run Backups",
    "The Accounts Payable clerk needs the receipts.",
    "The Intern Program starts in September.",
    "Explain the Monte Carlo method to a beginner.",
    "Use Boolean logic to simplify the condition.",
    "Dear Sir or Madam, I wish to complain about the noise.",
    "Hi Team, the build is green again.",
    "Hello Everyone, please fill out the survey.",
    "Thanks In Advance for your help.",
    "Regards, The Support Team",
    "Best wishes, Your Friendly Neighbourhood IT Desk",
    "Send me a Word document, not a PDF.",
    "Outlook keeps asking for my password.",
    "Describe a sunrise over the desert.",
    "Quarterly Business Review agenda: goals, risks, asks.",
    "What is the capital gains tax rate for crypto?",
    "Give me five names for a coffee shop.",
    "Tell me a joke about accountants.",
    "Rename the variable userName to displayName.",
    "Pin the Jupyter notebook to version 7.",
    "Patient reports mild headache since Saturday.",
    "Order #55190 was refunded on Wednesday.",
    "The Spring Festival playlist needs more jazz.",
    "Cancel my Premium subscription, please.",
    "Winter tyres are mandatory from November.",
    "Use British spelling throughout.",
    "Explain American football rules briefly.",
    "September Sales Recap",
    "Good Morning! Coffee is ready in the kitchen.",
    "The Security Officer rotated all API keys.",
    "Why is my Raspberry Pi overheating?",
    "Should I use Postgres or MySQL for analytics?",
    "What's a good name for a Golden Retriever puppy?",
    "Dawn patrol surf sessions start at five.",
    "Hunter boots are back in stock.",
    "Sterling silver rings tarnish less if kept dry.",
    "Major version bumps need a migration guide.",
    "Baker's yeast or sourdough for pizza dough?",
    "Carpenter ants are damaging the deck.",
    "Mason jars work well for overnight oats.",
    "Page numbers are missing from the PDF export.",
    "Cook the rice for twelve minutes, then rest it.",
    "Chase the vendor for the missing receipts.",
    "Sage and thyme go well with roast potatoes.",
    "Ivy is covering the north wall again.",
    "Grant access to the staging bucket for read-only users.",
    "Joy is the theme of this year's campaign.",
    "Hope this helps!",
    "Faith in the forecast is low after last quarter.",
]


# --------------------------------------------------------------------------
# Machinery
# --------------------------------------------------------------------------
SLOT_RE = re.compile(r"<(PG|PS|PL|PF|P|OC|ON|OU|OH|O|G|C)>|\[(PERSON|ORG|GPE):([^\]]+)\]")
SLOT_TYPE = {"P": "PERSON", "PG": "PERSON", "PS": "PERSON", "PL": "PERSON",
             "PF": "PERSON", "O": "ORG", "OC": "ORG", "ON": "ORG", "OU": "ORG",
             "OH": "ORG", "G": "GPE", "C": "GPE"}
POOLS = {"P": PERSON_FULL, "PG": PERSON_GIVEN, "PS": PERSON_SURNAME,
         "PL": PERSON_LOWER, "PF": PERSON_LOWER_FULL, "O": ORG, "G": GPE,
         "C": GPE_CITY, "OC": ORG_COMPANY, "ON": ORG_NGO, "OU": ORG_UNI,
         "OH": ORG_HOSP}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def u16len(s):
    return len(s.encode("utf-16-le")) // 2


def u16slice(s, start, end):
    b = s.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le")


class Deck:
    """Cycles through a pool in seeded shuffled order (even coverage)."""

    def __init__(self, pool, rng):
        self.pool = list(pool)
        self.rng = rng
        self.queue = []

    def draw(self, avoid):
        for _ in range(len(self.pool) * 2 + 2):
            if not self.queue:
                self.queue = list(self.pool)
                self.rng.shuffle(self.queue)
            item = self.queue.pop()
            if item not in avoid:
                return item
        raise RuntimeError("pool too small")


def dedot(prev, lit):
    """Avoid 'S.A..' when an entity ending in '.' closes a sentence."""
    if prev.endswith(".") and lit.startswith("."):
        return lit[1:]
    return lit


def render(frame, decks):
    """Returns (text, spans). spans = [(type, start16, end16, surface)]."""
    out = []
    spans = []
    pos = 0  # utf-16 length of text so far
    used = set()
    last = 0
    prev = ""
    for m in SLOT_RE.finditer(frame):
        lit = dedot(prev, nfc(frame[last:m.start()]))
        out.append(lit)
        pos += u16len(lit)
        if m.group(1):
            slot = m.group(1)
            value = nfc(decks[slot].draw(used))
            used.add(value)
            etype = SLOT_TYPE[slot]
        else:
            etype = m.group(2)
            value = nfc(m.group(3))
        start = pos
        out.append(value)
        pos += u16len(value)
        spans.append((etype, start, pos, value))
        prev = value
        last = m.end()
    tail = dedot(prev, nfc(frame[last:]))
    out.append(tail)
    return "".join(out), spans


def verify(text, spans):
    assert "\t" not in text and "\n" not in text and "\r" not in text, text
    assert nfc(text) == text, text
    prev_end = -1
    for etype, s, e, surface in spans:
        assert etype in ("PERSON", "ORG", "GPE")
        assert 0 <= s < e <= u16len(text), (text, s, e)
        assert u16slice(text, s, e) == surface, (text, s, e, surface)
        assert surface == surface.strip() and surface, (text, surface)
        assert s >= prev_end, ("overlap", text)
        prev_end = e


def build():
    rng = random.Random(SEED)
    decks = {k: Deck(v, rng) for k, v in POOLS.items()}
    rows = []
    seen = set()
    for frame in FRAMES:
        assert SLOT_RE.search(frame), frame
        for _ in range(INSTANCES):
            text, spans = render(frame, decks)
            if text in seen:
                continue
            seen.add(text)
            rows.append((text, spans))
    for frame in LITERAL_FRAMES:
        text, spans = render(frame, decks)
        assert text not in seen
        seen.add(text)
        rows.append((text, spans))
    for text in NEGATIVES:
        text = nfc(text)
        assert not SLOT_RE.search(text), text
        assert text not in seen, text
        seen.add(text)
        rows.append((text, []))
    # deterministic interleaving so negatives are spread through the file
    rng2 = random.Random(SEED + 1)
    rng2.shuffle(rows)
    for text, spans in rows:
        verify(text, spans)
    return rows


def main():
    rows = build()
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "ner-disjoint.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for text, spans in rows:
            f.write(text + "\t" + ";".join(
                "%s:%d:%d" % (t, s, e) for t, s, e, _ in spans) + "\n")
    if "--stats" in sys.argv:
        counts = {"PERSON": 0, "ORG": 0, "GPE": 0}
        neg = 0
        for _, spans in rows:
            if not spans:
                neg += 1
            for t, *_ in spans:
                counts[t] += 1
        print("sentences", len(rows))
        print("frames", len(FRAMES), "literal", len(LITERAL_FRAMES),
              "negatives", len(NEGATIVES))
        print("no-entity sentences", neg, "(%.1f%%)" % (100.0 * neg / len(rows)))
        for k, v in counts.items():
            print(k, v)
        distinct = {k: len({s for _, sp in rows for t, _, _, s in sp if t == k})
                    for k in counts}
        print("distinct surfaces", distinct)


if __name__ == "__main__":
    main()
