#!/usr/bin/env python3
"""Generator for ner-train-a.tsv (PERSON / ORG / GPE training data, set "a").

Focus: business and structured text (e-mails, letters, signatures, support
tickets, CRM/CSV rows, JSON/YAML/XML/log lines, invoices, contracts, minutes,
press releases, vendor lists, tables) plus hard negatives.

Deterministic: stdlib only, fixed seed.  Run:  python3 ner-train-a.gen.py
It writes ner-train-a.tsv next to this script and prints counts.

Output format: <text>\t<spans>; spans are ';'-separated TYPE:start:end,
0-based, end exclusive, UTF-16 code units (all characters are in the BMP, so
these equal Python str indices); empty when the sentence has no entity.
"""
import os
import re
import random
import sys
import unicodedata
from collections import Counter

SEED = 20240611
N_TOTAL = 800
NEG_SHARE = 0.20

def nfc(s):
    return unicodedata.normalize("NFC", s)

# ---------------------------------------------------------------------------
# PERSON pool.  Cultures: (order, given names, family names).
# order "gf" = given family (Western order), "fg" = family given.
# ---------------------------------------------------------------------------
CULTURES = {
    "nigeria": ("gf",
        "Adebayo Folasade Olumide Chinonso Ngozi Emeka Oluwaseun Temitope Ifeoma Chukwudi Aminu Babatunde Nnamdi Yetunde Obiageli Kelechi",
        "Adeyemi Okafor Balogun Nwosu Eze Ogunleye Adebanjo Okonkwo Abubakar Danjuma Onyekachi Akinola Oyelaran Ibekwe Nwachukwu Adewale"),
    "eastafrica": ("gf",
        "Wanjiru Kiprono Achieng Mwangi Njeri Wekesa Nyambura Chebet Auma Baraka Zawadi Jabari Neema Tumaini Wambui Nakato",
        "Odhiambo Kariuki Mutua Njoroge Wafula Omondi Kiptoo Mugisha Ssempala Mbwambo Kimaro Rotich Cheruiyot Karanja Otieno Nabukenya"),
    "southernafrica": ("gf",
        "Thandeka Sipho Lerato Themba Nomvula Bongani Palesa Kagiso Zanele Tshepo Naledi Lwazi Ayanda Mpho Refilwe Sibusiso",
        "Mokoena Dlamini Nkosi Khumalo Ndlovu Molefe Mahlangu Sithole Mthembu Radebe Maseko Shabalala Masilela Ngcobo Motaung Mabuza"),
    "westafrica": ("gf",
        "Kwame Akosua Yaw Abena Kofi Esi Kwabena Adwoa Awa Moussa Fatou Cheikh Aminata Ousmane Mariama Ibrahima",
        "Mensah Asante Boateng Owusu Agyeman Appiah Osei Darko Diop Ndiaye Sarr Gueye Diallo Traoré Konaté Ouédraogo"),
    "ethiopia": ("gf",
        "Tigist Dawit Selam Yonas Hirut Bereket Meseret Tewodros Mahlet Abebe Frehiwot Kidus Liya Henok Rahel Yared",
        "Tesfaye Bekele Haile Girma Alemu Mengistu Wolde Tadesse Gebremedhin Kebede Assefa Negash Demissie Ayele Berhane Tsegaye"),
    "arabic": ("gf",
        "Yousef Noura Tariq Rania Faisal Hind Samir Lubna Walid Reem Bassam Dalia Majed Hessa Ziad Salma",
        "Al-Mansouri El-Sayed Haddad Khoury Nasser Al-Otaibi Benali Bouazza Qasim Darwish Al-Khatib Saleh Hamdan Mansour Abu-Ghazaleh Tahan"),
    "persian": ("gf",
        "Parisa Kaveh Shirin Dariush Nasrin Babak Roya Farhad Mahsa Arash Golnaz Behnam Setareh Omid Laleh Kourosh",
        "Hosseini Rahimi Tehrani Karimi Jafari Moradi Ahmadi Rostami Sadeghi Farahani Kazemi Mohammadi Zand Shirazi Esfandiari Ghorbani"),
    "india": ("gf",
        "Priyanka Venkatesh Lakshmi Siddharth Ananya Harpreet Meenakshi Prakash Sunita Kavitha Arvind Deepika Raghunath Shalini Gurpreet Padmavathi",
        "Iyer Chatterjee Deshpande Subramaniam Reddy Bhattacharya Kulkarni Nair Menon Sandhu Banerjee Pillai Venkataraman Joshi Agarwal Hegde"),
    "southasia": ("gf",
        "Tanvir Farzana Nilufar Sanjeewa Dilrukshi Bishnu Sabina Rubina Kamrul Chaminda Anjali Pasang Shahana Ruwan Mehwish Zeeshan",
        "Chowdhury Rahman Siddiqui Qureshi Perera Jayasuriya Wickramasinghe Shrestha Gurung Thapa Hossain Fernando Bandara Tamang Malik Awan"),
    "china": ("fg",
        "Jiayi Haoran Meiling Zhiwei Xiaoyu Qiang Yuting Wenjie Lihua Jun Xinyi Zihan Ruolan Guoqing Mingyu Shufen",
        "Wang Liu Zhang Chen Huang Zhou Lin Xu Zhao Sun Ma Gao Luo Zheng Tang Feng"),
    "japan": ("gf",
        "Haruki Aoi Ren Sakura Takumi Yui Daichi Hina Kenta Misaki Sota Nanami Ryota Ayaka Kazuki Chihiro",
        "Sato Nakamura Kobayashi Yamamoto Watanabe Ito Takahashi Inoue Kimura Hayashi Shimizu Yamaguchi Matsumoto Fujita Okada Hasegawa"),
    "korea": ("fg",
        "Ji-woo Soo-yeon Dong-hyun Min-seo Hae-in Seo-jun Ye-jin Jae-won Eun-ji Hyun-woo Da-eun Sung-min Yoon-ah Tae-yang Ha-eun Kyung-soo",
        "Park Kim Lee Choi Jung Kang Cho Yoon Jang Lim Han Shin Oh Seo Kwon Hwang"),
    "vietnam": ("fg",
        "Thị Lan|Văn Minh|Quốc Bảo|Thu Hà|Minh Châu|Thanh Tùng|Ngọc Anh|Hoàng Long|Bích Ngọc|Đức Thắng|Mai Phương|Quang Huy",
        "Nguyễn Trần Phạm Lê Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ"),
    "thai_indo_malay": ("gf",
        "Somchai Pimchanok Nattapong Kanya Wahyu Rizky Ayu Dewi Hendra Intan Siriporn Anong Bayu Putri Suhaimi Zulkifli",
        "Wongsawat Srisuk Chaiyaporn Boonmee Prasetyo Hidayat Kusumawati Lestari Santoso Wibowo Rattanakorn Saelim Setiawan Nugroho Ismail Hashim"),
    "philippines": ("gf",
        "Jericho Rowena Marites Rodel Jhoanna Arnel Lorna Dindo Maricel Ronaldo Analyn Rommel Jocelyn Efren Liza Bong",
        "Macaraeg Dimaculangan Villanueva Bautista Dizon Mangubat Tolentino Pangilinan Soriano Aquino Magbanua Lacson Manalo Dela Rosa Ocampo Salonga"),
    "westslavic": ("gf",
        "Zbigniew Agnieszka Małgorzata Radosław Jiří Lucie Wojciech Bożena Przemysław Jadwiga Ondřej Zdeňka Ľubomír Katarína Grzegorz Dorota",
        "Wróblewski Kowalczyk Zielińska Dąbrowski Novotný Dvořáková Kaczmarek Wiśniewska Szymański Lewandowska Procházka Horváthová Kučera Hudák Majewski Pawlak"),
    "eastslavic_balkan": ("gf",
        "Oksana Dmytro Yevgenia Timofey Dragana Nikola Milica Tsvetelina Bohdan Svitlana Vsevolod Snežana Dragomir Lyudmila Yaroslav Zoran",
        "Hrytsenko Kovalenko Sokolova Belov Petrović Jurić Stanković Georgieva Shevchuk Melnyk Orlov Jovanović Ivanova Bondarenko Marković Zaytseva"),
    "nordic": ("gf",
        "Sigrún Eyvind Torbjørn Signe Kalle Aino Jukka Freja Sølvi Halldóra Astrid Håkon Ragnhild Tuomas Liisa Birgitta",
        "Jónsdóttir Halvorsen Haugland Lindqvist Nyström Mäkinen Virtanen Heikkinen Kjærgaard Dahl Guðmundsdóttir Solberg Bergström Korhonen Aaltonen Øverby"),
    "latam": ("gf",
        "Wayra Fermín Guadalupe Marisol Caetano Renata Leandro Mayra Fernanda Anselmo Rocío Maximiliano Dulce Eulalia Yolanda Nayeli",
        "Quispe Restrepo Mamani Cárdenas Albuquerque Figueiredo Oyarzún Huanca Goulart Pizarro Benavides Ferreyra Villalobos Ticona Condori Aguilar"),
    "pacific": ("gf",
        "Sione Mele Losana Tevita Aroha Wiremu Epeli Sefo Tavita Malia Kalani Hinemoa Seini Viliami Ropata Makerita",
        "Taufa Tupou Vakacegu Fifita Ngata Parata Naivalu Leota Sapolu Fonoti Kahananui Kealoha Havili Tuilagi Waititi Ratuvou"),
    "southeurope_turkey": ("gf",
        "Ludovica Ettore Solène Gaëlle Íñigo Eleftheria Stavros Ioana Ebru Cengiz Gülşen Barış Maddalena Corentin Spyridon Aitziber",
        "Castellani Bellandi Marchetti Rousseau Zubizarreta Papadopoulou Kontogiannis Dumitrescu Yıldırım Aksoy Öztürk Karaca Tessier Lefebvre Etxeberria Bianchetti"),
    "caucasus_central": ("gf",
        "Aigerim Timur Nodira Gulnara Rustam Anahit Hovhannes Nino Levan Dilnoza Bakhyt Saule Ketevan Armen Zarina Azamat",
        "Sadykova Abdullaev Yusupova Ismailova Karimov Petrosyan Grigoryan Beridze Kapanadze Nurmagambetov Tashkentova Sargsyan Gelashvili Omarov Zhakupova Alimov"),
    "hungarian": ("fg",
        "Szilvia Bence Zsófia Levente Réka Gergely Csilla Ábel Enikő Botond",
        "Kovács Szabó Horváth Tóth Varga Farkas Balogh Mészáros Takács Lakatos"),
}

# Explicit persons with particles, hyphens, compound given names:
# (full, given, family, initialled form)
SPECIAL_PERSONS = [
    ("Maartje van den Broek", "Maartje", "van den Broek", "M. van den Broek"),
    ("Joost van der Meulen", "Joost", "van der Meulen", "J. van der Meulen"),
    ("Femke ter Horst", "Femke", "ter Horst", "F. ter Horst"),
    ("Ilse de Wit", "Ilse", "de Wit", "I. de Wit"),
    ("Gesine von Thadden", "Gesine", "von Thadden", "G. von Thadden"),
    ("Wolfram Kießling", "Wolfram", "Kießling", "W. Kießling"),
    ("Henrike Oberländer", "Henrike", "Oberländer", "H. Oberländer"),
    ("Anne-Laure Tessier", "Anne-Laure", "Tessier", "A.-L. Tessier"),
    ("Jean-Baptiste Lefebvre", "Jean-Baptiste", "Lefebvre", "J.-B. Lefebvre"),
    ("María del Carmen Oyarzábal", "María del Carmen", "Oyarzábal", "M. C. Oyarzábal"),
    ("Leonor de la Fuente Arriaga", "Leonor", "de la Fuente Arriaga", "L. de la Fuente Arriaga"),
    ("Tiago da Costa Pereira", "Tiago", "da Costa Pereira", "T. da Costa Pereira"),
    ("Joana dos Santos", "Joana", "dos Santos", "J. dos Santos"),
    ("Siobhán Ní Bhriain", "Siobhán", "Ní Bhriain", "S. Ní Bhriain"),
    ("Cormac Ó Súilleabháin", "Cormac", "Ó Súilleabháin", "C. Ó Súilleabháin"),
    ("Gwilym Rhys-Jones", "Gwilym", "Rhys-Jones", "G. Rhys-Jones"),
    ("Eluned Pryce", "Eluned", "Pryce", "E. Pryce"),
    ("Faizal bin Osman", "Faizal", "bin Osman", "F. bin Osman"),
    ("Nurul Aisyah binti Rahman", "Nurul Aisyah", "binti Rahman", "N. A. binti Rahman"),
    ("Hamad bin Saeed Al-Kaabi", "Hamad", "Al-Kaabi", "H. S. Al-Kaabi"),
    ("Mariam bint Saif Al-Nuaimi", "Mariam", "Al-Nuaimi", "M. S. Al-Nuaimi"),
    ("Tahir ibn Yusuf al-Qasimi", "Tahir", "al-Qasimi", "T. Y. al-Qasimi"),
    ("Abdelkader El-Ouazzani", "Abdelkader", "El-Ouazzani", "A. El-Ouazzani"),
    ("Yael Ben-David", "Yael", "Ben-David", "Y. Ben-David"),
    ("Itamar Rosenzweig", "Itamar", "Rosenzweig", "I. Rosenzweig"),
    ("Ma. Lourdes Dimaculangan", "Ma. Lourdes", "Dimaculangan", "M. L. Dimaculangan"),
    ("Venkata Ramana Murthy", "Venkata Ramana", "Murthy", "V. R. Murthy"),
    ("Sefo Leota-Sapolu", "Sefo", "Leota-Sapolu", "S. Leota-Sapolu"),
    ("Olusegun Adeyemi-Bello", "Olusegun", "Adeyemi-Bello", "O. Adeyemi-Bello"),
    ("Nomvula Mthembu-Khoza", "Nomvula", "Mthembu-Khoza", "N. Mthembu-Khoza"),
    ("Hinemoa Te Rangi", "Hinemoa", "Te Rangi", "H. Te Rangi"),
    ("Wiremu Te Kani", "Wiremu", "Te Kani", "W. Te Kani"),
    ("Þórunn Sigurðardóttir", "Þórunn", "Sigurðardóttir", "Þ. Sigurðardóttir"),
    ("Wambui Ngũgĩ", "Wambui", "Ngũgĩ", "W. Ngũgĩ"),
    ("Sukarni", "Sukarni", "Sukarni", "Sukarni"),
    ("Mulyono", "Mulyono", "Mulyono", "Mulyono"),
    ("Tsai Ming-hui", "Ming-hui", "Tsai", "Tsai Ming-hui"),
    ("Kim Soo-ah", "Soo-ah", "Kim", "Kim Soo-ah"),
    ("Amadou Hampâté Kane", "Amadou", "Kane", "A. H. Kane"),
    ("Ngaio Faʻalogo", "Ngaio", "Faʻalogo", "N. Faʻalogo"),
]

PER_CULTURE = 14

def initials(given):
    out = []
    for part in given.split(" "):
        if "-" in part:
            out.append("-".join(p[0] + "." for p in part.split("-")))
        else:
            out.append(part[0] + ".")
    return " ".join(out)

def build_persons(rng):
    persons = []
    for name in sorted(CULTURES):
        order, givens, families = CULTURES[name]
        sep = "|" if "|" in givens else " "
        g = [nfc(x) for x in givens.split(sep)]
        # family names: allow two-word "Dela Rosa" by splitting on spaces carefully
        f = [nfc(x) for x in re.findall(r"Dela Rosa|\S+", families)]
        rng.shuffle(g)
        rng.shuffle(f)
        n = min(PER_CULTURE, len(g), len(f))
        for i in range(n):
            gi, fi = g[i], f[i]
            if order == "gf":
                full = gi + " " + fi
                ini = initials(gi) + " " + fi
                rev = fi + " " + gi
            else:
                full = fi + " " + gi
                ini = full
                rev = gi + " " + fi
            persons.append(dict(full=full, given=gi, family=fi, ini=ini, rev=rev))
    for full, gi, fi, ini in SPECIAL_PERSONS:
        full, gi, fi, ini = map(nfc, (full, gi, fi, ini))
        persons.append(dict(full=full, given=gi, family=fi, ini=ini, rev=full))
    return persons

# ---------------------------------------------------------------------------
# ORG pools
# ---------------------------------------------------------------------------
ORG_BRAND = """Zolvani Tembeko Quillora Marrowind Kivelle Obrantis Sundaro Vexlo Nuvarra
Zentora Maklu Quorvi Ulvena Drovik Savanto Kinjara Lumetra Orvesta Pyxora Tandaro Umbrix
Velanti Wendaro Xyvo Yarrowly Zubera Akinta Bravelo Corvana Dunmora Elvaro Fenwix Galvora
Hennaro Ilyra Jastro Kobalu Lemora Mirveo Osvara Plumaro Qintara Sembra Tivora Uxari Vandora
Wixaro Yembo Zeqa Brakwa Calyxo Dovetta Estrelo Fynbo Gorvix Halvio Imbara Junoka Kesti
Lutavo Mbeyo Nubiq Okavo Pravix Rondeo Solvika Tarquo Uvendi Vorlith Wabiso Zinkaro""".split()
ORG_BRAND_MULTI = ["Blue Heron Logistics", "Northgate Analytics", "Sahel Agritech",
    "Copperleaf Studio", "Tidewater Labs", "Mango Tree Foods", "Red Kite Ventures",
    "Ironbark Capital", "Saltmarsh Robotics", "Baobab Payments", "Tamarind Health",
    "Kelp & Co", "Lantern Freight", "Tern Mobility", "Monsoon Data"]
ORG_REAL = """Paystack Flutterwave Andela Jumia Interswitch Moniepoint Yoco Takealot Cellulant
Wasoko Glovo Cabify Rappi Nubank Globant Kavak Bitso Totvs Despegar Careem Talabat Anghami
Fawry Swvl Tabby Kaspi Avito Wildberries Razorpay Zerodha Freshworks Zoho Meesho Swiggy
Zomato Pathao Daraz Gojek Tokopedia Bukalapak Traveloka Xendit Carousell Lazada Kakao
Coupang Naver Mercari Rakuten Xero Atlassian Afterpay Fonterra Icelandair Finnair Vestas
Maersk Ørsted Equinor Tietoevry Supercell Wolt Klarna Northvolt Zalando Celonis Personio
Mollie Adyen Allegro InPost Printful Pipedrive Veriff Skyscanner""".split()
ORG_REAL += ["Twiga Foods", "Chipper Cash", "M-KOPA", "Mercado Libre", "CD Projekt", "Ethio Telecom"]
ORG_LEGAL = ["Adeyemi & Nwosu Advisory LLP", "Harbourlight Shipping Ltd", "Mbeya Coffee Exporters Ltd",
    "Kowalczyk Logistyka Sp. z o.o.", "Nordhavn Marine A/S", "Fjellvik Energi AS", "Lindqvist Bygg AB",
    "Kivelä Software Oy", "Van den Broek Installatietechniek B.V.", "Oberländer Maschinenbau GmbH",
    "Castellani Tessuti S.p.A.", "Grupo Restrepo S.A.S.", "Andes Agro S.A.C.", "Tejidos Quispe S.R.L.",
    "PT Sinar Lestari Abadi Tbk", "Sinar Permata Sdn. Bhd.", "Wongsawat Trading Co., Ltd.",
    "Hanoi Precision Parts JSC", "Kaveh Engineering Pvt. Ltd.", "Deshpande Infra Projects Pvt. Ltd.",
    "Al-Mansouri Contracting LLC", "Nile Delta Packaging S.A.E.", "Atlas Fresh Produce SARL",
    "Khumalo Mining Holdings (Pty) Ltd", "Kiwara Timber Ltd", "Pacific Reef Seafoods Ltd",
    "Taufa Construction Ltd", "Ridgecrest Analytics Inc.", "Brightwater Health LLC",
    "Quarry Lane Partners LLP", "Jónsdóttir Fiskur ehf.", "Novotný Stavby s.r.o.",
    "Petrović Transport d.o.o.", "Kovács és Társa Kft.", "Dumitrescu Logistic S.R.L.",
    "Yıldırım Tekstil A.Ş.", "Tanaka Seiki K.K.", "Nakamura Foods Co., Ltd.", "Hanbit Materials Co., Ltd.",
    "Shenzhen Hualian Electronics Co., Ltd.", "Okonkwo Holdings Ltd", "Ogunleye Pharmaceuticals Plc",
    "Mensah Cocoa Traders Ltd", "Diop Transit SARL", "Tesfaye Import Export PLC", "Rahimi Carpets GmbH",
    "Benali Logistique SAS", "Lefebvre Conseil SARL", "Villanueva Agri Ventures Inc.",
    "Pizarro Minería SpA", "Goulart Alimentos Ltda.", "Figueiredo & Filhos Lda.",
    "Zubizarreta Ingeniería S.L.", "Haugland Subsea ASA", "Kjærgaard Design ApS", "Shrestha Hydro Pvt. Ltd.",
    "Perera Tea Estates PLC", "Chowdhury Garments Ltd.", "Sapolu Freight Ltd", "Beridze Wine LLC",
    "Petrosyan Brandy CJSC", "Abdullaev Cotton LLC", "Tembeko Retail (Pty) Ltd", "Quorvi Technologies Inc.",
    "Savanto Holdings Limited", "Marrowind Energy GmbH", "Kinjara Foods Ltd", "Lumetra Systems AG"]
ORG_INST = ["University of Ghana", "Makerere University", "University of Nairobi", "Addis Ababa University",
    "Cheikh Anta Diop University", "Stellenbosch University", "American University of Beirut",
    "Sharif University of Technology", "Aga Khan University", "Lahore University of Management Sciences",
    "BRAC University", "University of Peradeniya", "Tribhuvan University", "Chulalongkorn University",
    "Universitas Gadjah Mada", "Ateneo de Manila University", "Vietnam National University",
    "Seoul National University", "Kyushu University", "Tsinghua University", "Jagiellonian University",
    "Charles University", "Tampere University", "Aalto University", "University of Iceland",
    "Universidad de los Andes", "Pontificia Universidad Católica del Perú", "Universidade de São Paulo",
    "Universidad de Chile", "University of Otago", "University of the South Pacific", "Nazarbayev University",
    "Yerevan State University", "Boğaziçi University", "Korle Bu Teaching Hospital",
    "Aga Khan University Hospital", "Groote Schuur Hospital", "Lagos University Teaching Hospital",
    "Tata Memorial Hospital", "Siriraj Hospital", "Hospital Italiano de Buenos Aires",
    "Karolinska University Hospital", "Rigshospitalet", "Apollo Hospitals", "BRAC", "Amref Health Africa",
    "Tostan", "Gavi", "Oxfam", "Médecins Sans Frontières", "Aga Khan Foundation", "Grameen Bank",
    "Mo Ibrahim Foundation", "Tony Elumelu Foundation", "Ghana Revenue Authority",
    "Federal Inland Revenue Service", "South African Revenue Service", "Rwanda Development Board",
    "Statistics Norway", "Instituto Nacional de Estadística", "Bangladesh Bank", "Reserve Bank of India",
    "Bank of Thailand", "Monetary Authority of Singapore", "Zambia Revenue Authority",
    "Uganda Revenue Authority", "Transport for London", "Sri Lanka Ports Authority",
    "Philippine Red Cross", "Norwegian Refugee Council"]

# ---------------------------------------------------------------------------
# GPE pool: (city, region or None, country)
# ---------------------------------------------------------------------------
PLACES_RAW = """
Lagos|Lagos State|Nigeria; Ibadan|Oyo State|Nigeria; Kano|Kano State|Nigeria; Port Harcourt|Rivers State|Nigeria; Enugu|Enugu State|Nigeria; Abeokuta|Ogun State|Nigeria
Kumasi|Ashanti Region|Ghana; Tamale|Northern Region|Ghana; Takoradi|Western Region|Ghana; Accra|Greater Accra|Ghana
Nakuru|Nakuru County|Kenya; Eldoret|Uasin Gishu County|Kenya; Mombasa|Mombasa County|Kenya; Nairobi|Nairobi County|Kenya; Thika|Kiambu County|Kenya
Kampala|-|Uganda; Gulu|Gulu District|Uganda; Mbarara|Mbarara District|Uganda
Arusha|Arusha Region|Tanzania; Dodoma|Dodoma Region|Tanzania; Mwanza|Mwanza Region|Tanzania; Mbeya|Mbeya Region|Tanzania
Musanze|Northern Province|Rwanda; Huye|Southern Province|Rwanda; Kigali|-|Rwanda
Hawassa|Sidama Region|Ethiopia; Bahir Dar|Amhara Region|Ethiopia; Mekelle|Tigray Region|Ethiopia; Addis Ababa|-|Ethiopia
Dakar|Dakar Region|Senegal; Thiès|Thiès Region|Senegal; Ziguinchor|Ziguinchor Region|Senegal
Durban|KwaZulu-Natal|South Africa; Pietermaritzburg|KwaZulu-Natal|South Africa; Gqeberha|Eastern Cape|South Africa; Polokwane|Limpopo|South Africa; Stellenbosch|Western Cape|South Africa; Pretoria|Gauteng|South Africa; Bloemfontein|Free State|South Africa
Lusaka|Lusaka Province|Zambia; Ndola|Copperbelt Province|Zambia; Kitwe|Copperbelt Province|Zambia
Gaborone|South-East District|Botswana; Francistown|North-East District|Botswana
Windhoek|Khomas Region|Namibia; Swakopmund|Erongo Region|Namibia
Beira|Sofala Province|Mozambique; Nampula|Nampula Province|Mozambique; Maputo|-|Mozambique
Casablanca|Casablanca-Settat|Morocco; Fez|Fès-Meknès|Morocco; Marrakesh|Marrakesh-Safi|Morocco; Tangier|Tanger-Tetouan-Al Hoceima|Morocco
Sfax|Sfax Governorate|Tunisia; Sousse|Sousse Governorate|Tunisia
Alexandria|Alexandria Governorate|Egypt; Giza|Giza Governorate|Egypt; Mansoura|Dakahlia Governorate|Egypt
Muscat|Muscat Governorate|Oman; Salalah|Dhofar|Oman; Doha|-|Qatar; Manama|Capital Governorate|Bahrain
Jeddah|Makkah Province|Saudi Arabia; Dammam|Eastern Province|Saudi Arabia; Abha|Asir Province|Saudi Arabia
Isfahan|Isfahan Province|Iran; Tabriz|East Azerbaijan Province|Iran; Shiraz|Fars Province|Iran; Mashhad|Razavi Khorasan|Iran
Lahore|Punjab|Pakistan; Karachi|Sindh|Pakistan; Peshawar|Khyber Pakhtunkhwa|Pakistan; Faisalabad|Punjab|Pakistan
Pune|Maharashtra|India; Coimbatore|Tamil Nadu|India; Kochi|Kerala|India; Mysuru|Karnataka|India; Indore|Madhya Pradesh|India; Guwahati|Assam|India; Bhubaneswar|Odisha|India; Vadodara|Gujarat|India
Chattogram|Chattogram Division|Bangladesh; Sylhet|Sylhet Division|Bangladesh; Khulna|Khulna Division|Bangladesh
Kandy|Central Province|Sri Lanka; Galle|Southern Province|Sri Lanka; Jaffna|Northern Province|Sri Lanka
Pokhara|Gandaki Province|Nepal; Biratnagar|Koshi Province|Nepal
Da Nang|-|Vietnam; Haiphong|-|Vietnam; Can Tho|-|Vietnam
Chiang Mai|Chiang Mai Province|Thailand; Khon Kaen|Khon Kaen Province|Thailand; Hat Yai|Songkhla Province|Thailand
Surabaya|East Java|Indonesia; Bandung|West Java|Indonesia; Medan|North Sumatra|Indonesia; Makassar|South Sulawesi|Indonesia; Denpasar|-|Indonesia
Ipoh|Perak|Malaysia; Kota Kinabalu|Sabah|Malaysia; Kuching|Sarawak|Malaysia; Johor Bahru|Johor|Malaysia; Shah Alam|Selangor|Malaysia
Siem Reap|Siem Reap Province|Cambodia; Battambang|Battambang Province|Cambodia; Luang Prabang|Luang Prabang Province|Laos
Almaty|-|Kazakhstan; Karaganda|Karaganda Region|Kazakhstan; Samarkand|Samarkand Region|Uzbekistan; Bukhara|Bukhara Region|Uzbekistan; Osh|Osh Region|Kyrgyzstan
Ulaanbaatar|-|Mongolia; Darkhan|Darkhan-Uul Province|Mongolia; Gyumri|Shirak Province|Armenia; Ganja|-|Azerbaijan; Kutaisi|Imereti|Georgia-country
Izmir|İzmir Province|Turkey; Bursa|Bursa Province|Turkey; Gaziantep|Gaziantep Province|Turkey; Eskişehir|Eskişehir Province|Turkey
Wrocław|Lower Silesia|Poland; Gdańsk|Pomerania|Poland; Łódź|Łódź Voivodeship|Poland; Poznań|Greater Poland|Poland
Brno|South Moravian Region|Czechia; Ostrava|Moravian-Silesian Region|Czechia; Plzeň|Plzeň Region|Czechia
Košice|Košice Region|Slovakia; Žilina|Žilina Region|Slovakia
Debrecen|Hajdú-Bihar|Hungary; Szeged|Csongrád-Csanád|Hungary; Győr|Győr-Moson-Sopron|Hungary
Cluj-Napoca|Cluj County|Romania; Timișoara|Timiș County|Romania; Iași|Iași County|Romania
Plovdiv|Plovdiv Province|Bulgaria; Varna|Varna Province|Bulgaria
Novi Sad|Vojvodina|Serbia; Niš|Nišava District|Serbia; Rijeka|Primorje-Gorski Kotar County|Croatia; Osijek|Osijek-Baranja County|Croatia; Maribor|-|Slovenia
Pärnu|Pärnu County|Estonia; Narva|Ida-Viru County|Estonia; Daugavpils|-|Latvia; Liepāja|-|Latvia; Kaunas|Kaunas County|Lithuania; Klaipėda|Klaipėda County|Lithuania
Tampere|Pirkanmaa|Finland; Oulu|North Ostrobothnia|Finland; Turku|Southwest Finland|Finland
Bergen|Vestland|Norway; Trondheim|Trøndelag|Norway; Stavanger|Rogaland|Norway; Tromsø|Troms|Norway
Malmö|Skåne|Sweden; Gothenburg|Västra Götaland|Sweden; Umeå|Västerbotten|Sweden; Uppsala|Uppsala County|Sweden
Aarhus|Central Denmark Region|Denmark; Odense|Region of Southern Denmark|Denmark; Aalborg|North Denmark Region|Denmark; Akureyri|Northeastern Region|Iceland
Porto|Porto District|Portugal; Braga|Braga District|Portugal; Coimbra|Coimbra District|Portugal; Faro|Faro District|Portugal
Bilbao|Basque Country|Spain; Zaragoza|Aragon|Spain; Málaga|Andalusia|Spain; Valladolid|Castile and León|Spain; A Coruña|Galicia|Spain
Galway|County Galway|Ireland; Limerick|County Limerick|Ireland
Ghent|East Flanders|Belgium; Liège|Liège Province|Belgium; Leuven|Flemish Brabant|Belgium
Graz|Styria|Austria; Linz|Upper Austria|Austria; Innsbruck|Tyrol|Austria
Basel|Basel-Stadt|Switzerland; Lausanne|Vaud|Switzerland; Lugano|Ticino|Switzerland
Thessaloniki|Central Macedonia|Greece; Patras|Western Greece|Greece; Heraklion|-|Greece
Bologna|Emilia-Romagna|Italy; Turin|Piedmont|Italy; Bari|Apulia|Italy; Verona|Veneto|Italy; Palermo|-|Italy
Leipzig|Saxony|Germany; Stuttgart|Baden-Württemberg|Germany; Nuremberg|Bavaria|Germany; Hanover|Lower Saxony|Germany
Lyon|Auvergne-Rhône-Alpes|France; Toulouse|Occitania|France; Nantes|Pays de la Loire|France; Lille|Hauts-de-France|France; Strasbourg|Grand Est|France
Arequipa|Arequipa Region|Peru; Cusco|Cusco Region|Peru; Trujillo|La Libertad|Peru
Cochabamba|Cochabamba Department|Bolivia; El Alto|La Paz Department|Bolivia; Santa Cruz de la Sierra|Santa Cruz Department|Bolivia
Guayaquil|Guayas|Ecuador; Cuenca|Azuay|Ecuador
Medellín|Antioquia|Colombia; Cali|Valle del Cauca|Colombia; Barranquilla|Atlántico|Colombia; Bucaramanga|Santander|Colombia
Valparaíso|Valparaíso Region|Chile; Antofagasta|Antofagasta Region|Chile; Temuco|Araucanía|Chile
Rosario|Santa Fe|Argentina; Córdoba|Córdoba Province|Argentina; Mendoza|Mendoza Province|Argentina
Paysandú|Paysandú Department|Uruguay; Ciudad del Este|Alto Paraná|Paraguay
Curitiba|Paraná|Brazil; Recife|Pernambuco|Brazil; Belo Horizonte|Minas Gerais|Brazil; Porto Alegre|Rio Grande do Sul|Brazil; Fortaleza|Ceará|Brazil; Florianópolis|Santa Catarina|Brazil; Manaus|Amazonas|Brazil
Guadalajara|Jalisco|Mexico; Monterrey|Nuevo León|Mexico; Puebla|-|Mexico; Mérida|Yucatán|Mexico; Querétaro|-|Mexico; Oaxaca de Juárez|Oaxaca|Mexico
Quetzaltenango|Quetzaltenango Department|Guatemala; Alajuela|Alajuela Province|Costa Rica
Suva|Central Division|Fiji; Lautoka|Western Division|Fiji; Apia|Tuamasaga|Samoa; Nukuʻalofa|Tongatapu|Tonga; Port Vila|Shefa Province|Vanuatu; Lae|Morobe Province|Papua New Guinea; Port Moresby|-|Papua New Guinea
Dunedin|Otago|New Zealand; Tauranga|-|New Zealand; Christchurch|Canterbury|New Zealand; Rotorua|-|New Zealand
Townsville|Queensland|Australia; Hobart|Tasmania|Australia; Wollongong|New South Wales|Australia; Cairns|Queensland|Australia; Perth|Western Australia|Australia
Sendai|Miyagi|Japan; Fukuoka|Fukuoka Prefecture|Japan; Kanazawa|Ishikawa|Japan; Sapporo|Hokkaido|Japan; Kobe|Hyogo|Japan; Naha|Okinawa|Japan; Kyoto|Kyoto Prefecture|Japan
Busan|-|South Korea; Daegu|-|South Korea; Suwon|Gyeonggi|South Korea; Jeju City|Jeju|South Korea; Gwangju|-|South Korea
Taichung|-|Taiwan; Kaohsiung|-|Taiwan; Tainan|-|Taiwan
Halifax|Nova Scotia|Canada; Saskatoon|Saskatchewan|Canada; Winnipeg|Manitoba|Canada; Kelowna|British Columbia|Canada; Sherbrooke|Quebec|Canada
Chengdu|Sichuan|China; Hangzhou|Zhejiang|China; Kunming|Yunnan|China; Xiamen|Fujian|China; Wuhan|Hubei|China
Tucson|Arizona|United States-c; Spokane|-|United States-c; Boise|Idaho|United States-c
"""
EXTRA_COUNTRIES = ["Ecuador", "Uruguay", "Paraguay", "Guatemala", "Costa Rica", "Bhutan", "Malawi",
    "Zimbabwe", "Madagascar", "Mauritius", "Cameroon", "Côte d'Ivoire", "Benin", "Togo", "Mali",
    "Burkina Faso", "Jordan-c", "Lebanon", "Kuwait", "Portugal", "Montenegro", "North Macedonia",
    "Albania", "Moldova", "Luxembourg", "Malta", "Cyprus", "Singapore", "Brunei", "Timor-Leste",
    "Solomon Islands", "Kiribati", "Tuvalu", "Nicaragua", "Honduras", "Panama", "Jamaica",
    "Trinidad and Tobago", "Tajikistan", "Turkmenistan"]

def build_places():
    recs = []
    for line in PLACES_RAW.strip().splitlines():
        for item in line.split(";"):
            item = item.strip()
            if not item:
                continue
            city, region, country = [nfc(x.strip()) for x in item.split("|")]
            # "-c" marks a country we do not want in the pool (name clashes / needs article)
            if country.endswith("-c") or country.endswith("-country"):
                continue
            recs.append(dict(city=city, region=None if region == "-" else region, country=country))
    countries = sorted({r["country"] for r in recs} |
                       {nfc(c) for c in EXTRA_COUNTRIES if not c.endswith("-c")})
    regions = sorted({r["region"] for r in recs if r["region"]})
    cities = sorted({r["city"] for r in recs})
    # a region that equals a city name (e.g. Kyoto / Puebla) is kept only as city
    regions = [r for r in regions if r not in cities]
    return recs, cities, regions, countries

# ---------------------------------------------------------------------------
# Non-entity fillers (hard negatives)
# ---------------------------------------------------------------------------
FILL = {
    "SW": ["Excel", "Kubernetes", "Kafka", "Flink", "Jira", "Confluence", "Slack", "Zoom", "Tableau",
           "Power BI", "Postgres", "Redis", "Airflow", "Terraform", "Docker", "Grafana", "Figma", "Notion",
           "Outlook", "WhatsApp", "Android", "Raspberry Pi", "iPhone", "ThinkPad", "QuickBooks",
           "Elasticsearch", "Spark", "BigQuery", "Metabase", "Jenkins", "Ansible", "Kibana", "WordPress",
           "M-Pesa", "SharePoint", "Looker", "Superset", "Trello"],
    "LANG": ["Julia", "Pascal", "Go", "Rust", "Swift", "Python", "Ruby", "Elixir", "Kotlin", "Scala",
             "Haskell", "Erlang", "Perl", "Lua", "Dart", "Crystal", "Ada", "Clojure", "OCaml", "Fortran",
             "COBOL", "TypeScript"],
    "ROLE": ["Head of Sales", "Product Manager", "Chief Financial Officer", "Country Manager",
             "Regional Director", "Procurement Lead", "Account Executive", "Data Protection Officer",
             "Operations Manager", "Customer Success Manager", "Managing Director", "Finance Controller",
             "Site Supervisor", "Logistics Coordinator", "Legal Counsel", "Head of Partnerships",
             "Talent Partner", "Office Manager", "Chief Technology Officer", "Senior Buyer"],
    "DEPT": ["HR", "Finance", "Marketing", "Procurement", "Legal", "Customer Success", "Payroll",
             "IT Support", "Facilities", "Compliance", "Treasury", "Logistics"],
    "MON": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"],
    "DAY": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "HOL": ["Eid al-Fitr", "Diwali", "Lunar New Year", "Easter", "Nowruz", "Christmas", "Songkran",
            "Ramadan", "Carnival", "Golden Week", "Hanukkah", "Independence Day"],
    "NAT": ["Portuguese", "Swahili", "Amharic", "Tagalog", "Farsi", "Turkish", "Polish", "Yoruba",
            "Vietnamese", "Norwegian", "Icelandic", "Quechua", "Hindi", "Korean", "Arabic", "Sinhala"],
    "CURN": ["Kenyan shillings", "Swiss francs", "Norwegian kroner", "Thai baht", "Brazilian reais",
             "Mexican pesos", "Indian rupees", "Nigerian naira", "Polish złoty", "Turkish lira",
             "Egyptian pounds", "Ghanaian cedis"],
    "LAW": ["GDPR", "ISO 8601", "ISO 27001", "SOC 2", "HIPAA", "PCI DSS", "IFRS 16", "POPIA", "LGPD",
            "PDPA", "Companies Act"],
    "FONT": ["Georgia", "Garamond", "Helvetica", "Calibri", "Verdana", "Futura", "Arial"],
    "FEAT": ["Africa", "Europe", "Asia", "South America", "North America", "Oceania"],
    "SEA": ["Atlantic", "Pacific", "Baltic Sea", "Red Sea", "Mediterranean", "North Sea",
            "Arabian Sea", "Andes", "Alps", "Himalayas", "Sahara"],
    "T": ["Dr.", "Prof.", "Ms.", "Mr.", "Mrs.", "Mx.", "Eng.", "Adv.", "Sr.", "Sra.", "Herr", "Frau",
          "Mme", "Pak", "Ibu", "Hon.", "Dr", "Prof"],
    "HEAD": ["Quarterly Pipeline Review", "Grace Period Extension Request", "Will Update: Next Steps",
             "Mark Your Calendars", "Hope To See You There", "Spring Pricing Update",
             "Bill Run Failure Report", "Chase Outstanding Payments", "Frank Discussion On Churn",
             "Grant Deadline Approaching", "Page Layout Issues In Templates",
             "Annual General Meeting Agenda", "New Starter Checklist",
             "Action Required: Verify Your Account", "Important Changes To Your Plan",
             "Welcome To The New Partner Portal", "Rose Gold Stock Shortage", "Joy At Work Survey Results",
             "Hunter Mode For Late Invoices", "Baker Street Pop-Up Planning", "Summer Sale Wrap-Up",
             "May Close Checklist", "Carol Singing In The Lobby", "Sterling Service Awards"],
    "EMAIL": ["orders@example.com", "ap-team@invoices.example", "helpdesk@example.org",
              "noreply@example.net", "billing@example.com", "contact@example.org"],
}

def fill_dynamic(kind, rng):
    if kind == "N":
        return str(rng.randint(2, 980))
    if kind == "N2":
        return str(rng.randint(2, 60))
    if kind == "YEAR":
        return str(rng.randint(2006, 2023))
    if kind == "AMT":
        cur = rng.choice(["USD", "EUR", "KES", "NGN", "INR", "BRL", "€", "$", "£", "NOK", "PLN", "AED"])
        val = "{:,}".format(rng.randint(1, 900) * rng.choice([10, 25, 100, 1000]))
        return cur + val if cur in "€$£" else cur + " " + val
    if kind == "PCT":
        return str(rng.randint(2, 45)) + "%"
    if kind == "QTR":
        return rng.choice(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY24", "FY25"])
    if kind == "DATE":
        y, m, d = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice(["{:04d}-{:02d}-{:02d}", "{2:02d}/{1:02d}/{0:04d}", "{2}.{1}.{0}"]).format(y, m, d)
    if kind == "TS":
        return "2024-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(rng.randint(1, 12), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if kind == "TIME":
        return rng.choice(["{:02d}:{:02d}".format(rng.randint(7, 18), rng.choice([0, 15, 30, 45])),
                           "{} pm".format(rng.randint(1, 6)), "{} am".format(rng.randint(8, 11))])
    if kind == "TID":
        return rng.choice(["#{}", "TCK-{}", "INC00{}", "SR-2024-{}", "CASE-{}"]).format(rng.randint(1000, 99999))
    if kind == "INV":
        return rng.choice(["INV-2024-{:04d}", "INV{:05d}", "CN-{:04d}", "2024/{:04d}"]).format(rng.randint(1, 9999))
    if kind == "PHONE":
        return "+{} {} {} {}".format(rng.choice([254, 234, 27, 351, 48, 63, 66, 91, 81, 47, 52, 679]),
            rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999))
    if kind == "ZIP":
        return rng.choice(["{:05d}".format(rng.randint(1000, 99999)), "{:04d}".format(rng.randint(1000, 9999)),
                           "{}-{:03d}".format(rng.randint(10, 99), rng.randint(0, 999))])
    if kind == "STREET":
        return rng.choice(["{} Harbour Road", "Plot {}, Industrial Area", "{} Avenida Central",
            "Rua do Comércio {}", "Unit {}, Riverside Business Centre", "Floor 9, {} Ring Road",
            "Building C, {} Technology Drive", "Calle 93 #{}-27", "ul. Przemysłowa {}",
            "Jalan Sultan {}", "Kanalstraße {}", "Industrivej {}", "Shop {}, Market Lane",
            "{} Station Street", "Block {}, Export Processing Zone"]).format(rng.randint(1, 240))
    raise KeyError(kind)

DYNAMIC = {"N", "N2", "YEAR", "AMT", "PCT", "QTR", "DATE", "TS", "TIME", "TID", "INV", "PHONE", "ZIP", "STREET"}

# ---------------------------------------------------------------------------
# Frames.  Entity slots:
#   P full person, PG given name, PS family name, PI initialled, PL lower-case full,
#   PR family-first ("Okafor Ngozi"), PX any form;
#   O any org, OB brand (no suffix), OR real company, OL legal-suffix company, OI institution;
#   C city, R region, K country, GX any GPE.
# A ".n" suffix reuses the same person / org / place record inside the frame.
# Everything else is a non-entity filler.
# ---------------------------------------------------------------------------
FRAMES = r"""
Dear {T} {PS}, thank you for your order from {OB}; the shipment leaves our {C} warehouse on {DAY}.
Hi {PG}, quick reminder that the {QTR} review with {O} has moved to {TIME}.
Dear {P}, please find attached invoice {INV} for services rendered to {OL} in {MON}.
Kind regards, {P} | {ROLE} | {O} | {C}, {K}
Best, {PG.1} — {P.1}, {ROLE}, {OB}, {C}
Warm regards, {P} ({O}, {C} office)
Sent on behalf of {T} {P}, {ROLE} at {OI}.
Hello team, {P} from {O} will join the call from {C}; please share the {SW} link beforehand.
Thanks {PG}! I've looped in {P} from our {C} office, who handles the {K} accounts.
Cheers, {PG} / {OB} / {R}
Dear Sir or Madam, we write on behalf of our client {OL}, registered in {C.1}, {K.1}.
To: {P} <{EMAIL}> | Cc: {P} | Subject: {HEAD}
From: {P} ({O}) Sent: {DAY}, {DATE} To: {P} Subject: Re: {HEAD}
Apologies for the delay, {PG} — the {C} customs office only released the pallets this morning.
Yours sincerely, {T} {P}, {ROLE}, {OI}, {C}
Regards, {PI} | {OL} | {STREET}, {C.1} {ZIP}, {K.1}
Good morning {T} {PS}, {OB} confirms receipt of your complaint {TID}.
Dear {PG.1} and {PG.2}, congratulations on closing the {OR} deal in {C}!
I am out of office until {DATE}; for urgent matters contact {P} in {C} or {P} in {C}.
On {DATE}, {P} wrote: can {OB} still deliver to {R} before {HOL}?
P.S. {PG} asked me to mention that {OB}'s new price list applies from {MON}.
Please welcome {P}, who joins {DEPT} in our {C} office as {ROLE}.
Many thanks, {P} (she/her), {OR}, {C}
With best wishes from {C}, {P} and the whole {OB} team
Dear colleagues at {OI}, {T} {P} will present the {K} pilot results on {DAY}.
Ticket {TID}: {P} ({O}) reports that {SW} exports fail since the {C} migration.
[{TID}] Customer {P} from {C} cannot log in; assigned to {PG}.
Escalated by {PG} — {OB} says the {C} site has been offline since {TIME}.
Requester: {P}; Org: {O}; Location: {C.1}, {K.1}; Priority: P2
pls ask {PL} to resend the {SW} logs, the {C} team can't reproduce it
Closed {TID} after {P} confirmed the {OB} integration works again.
Reassigning to {P.1}; {PS.1} knows the {OR} account better than anyone in {C}.
Customer wrote: "{OB} charged me twice, I'm in {C} and can't reach anyone."
Note from {PG}: the {R} distributor {OB} needs a new API key before {DAY}.
Internal: do not refund {OL} until {T} {PS} from Legal signs off.
Follow-up: {P} called again from {C}; she says {OR} still shows the old address.
SLA breach on {TID} ({O}, {K}) — owner {PI}, backup {PG}.
Ticket merged into {TID}. Duplicate raised by {P} at {OI}.
Status update for {PG}: the courier picked up the parcel in {C} and it is now in {C}.
{P} (tier 2): reproduced on {SW}, not specific to {OB} or the {K} region.
{P},{O},{C},{K},{ROLE},{DATE}
"{PR}",{OL},{C},{PHONE}
id={N}; contact={P}; account={O}; city={C}; stage=Negotiation
{N} | {P} | {OB} | {C} | {AMT} | open
lead_source=webinar, first_name={PG.1}, last_name={PS.1}, company={O}, country={K}
{PG.1};{PS.1};{OR};{C.1};{R.1};{K.1}
Account: {O} — Owner: {P} — Territory: {R}, {K} — Tier: Gold
{TID},{DATE},{P},{OB},{C},refund requested
Row {N}: name='{P}', employer='{OL}', town='{C}'
customer_name,company,billing_city -> {P},{O},{C}
{PR} | {OR} | {C} | {ROLE}
Contact {N2} of {N}: {P}, {ROLE}, {OI}, {C}
vendor_id,vendor_name,hq_city,hq_country | {N},{OL},{C.1},{K.1}
{DATE} | deal won | {OR} | {AMT} | rep: {PG}
Opportunity "{OB} renewal {QTR}" owned by {P} ({C})
{"name": "{P}", "company": "{O}", "city": "{C}"}
{"fullName":"{P}","employer":"{OL}","location":{"city":"{C.1}","country":"{K.1}"}}
{"customer": {"first": "{PG.1}", "last": "{PS.1}"}, "org": "{OB}", "region": "{R}"}
{"assignee": "{P}", "reporter": "{P}", "tenant": "{OR}", "tool": "{SW}"}
{"vendor":"{OL}","contact_person":"{P}","ship_to":"{C}","lang":"{NAT}"}
[{"org":"{OB}","hq":"{C}"},{"org":"{OR}","hq":"{C}"}]
{"signatory": "{T} {P}", "party": "{OL}", "jurisdiction": "{K}"}
{"event":"login","user":"{P}","ip_country":"{K}","app":"{SW}"}
{"author":"{PI}","affiliation":"{OI}","city":"{C}","keywords":["{LANG}","{SW}"]}
{"payee": "{O}", "amount": {N}, "memo": "consulting {MON}", "approved_by": "{PG}"}
{"requester":{"displayName":"{P}","department":"{DEPT}"},"site":"{C}","priority":"high"}
{"beneficiary_name": "{P}", "bank_country": "{K}", "employer_name": "{O}"}
owner: {P}  team: {DEPT}  office: {C}
- name: {P} | role: {ROLE} | employer: {OB}
contact: {name: {P}, org: {O}, town: {C}}
supplier: {OL}  # audited by {P} in {MON}
hq_country: {K}, hq_city: {C}, parent_company: {OR}
maintainer: {P}; language: {LANG}; sponsor: {OB}
legal_entity: "{OL}"  registered_office: "{C.1}, {R.1}"
<contact><name>{P}</name><company>{O}</company><city>{C}</city></contact>
<party role="buyer" name="{OL}" country="{K}"/>
<invoice no="{INV}"><seller>{OL}</seller><buyer>{OB}</buyer><placeOfSupply>{C}</placeOfSupply></invoice>
<author>{PI}</author><org>{OI}</org>
<employee id="{N}" dept="{DEPT}">{P}</employee><site>{C}</site>
<Customer><GivenName>{PG.1}</GivenName><FamilyName>{PS.1}</FamilyName><Municipality>{C}</Municipality></Customer>
{TS} INFO  auth: user "{P}" logged in from {C.1}, {K.1}
{TS} WARN billing: payment from {OL} declined, retry scheduled
{TS} ERROR sync tenant={OB} region={R} msg="timeout contacting {SW}"
[{TS}] audit actor="{P}" action=export target="{O} contacts"
level=info ts={TS} svc=crm account_name="{OR}" owner="{PI}" geo={C}
{TS} DEBUG geocoder resolved '{STREET}, {C.1}' to {R.1}, {K.1}
job=nightly-report recipient="{P}" org="{OI}" status=sent
{TS} INFO shipment {N} departed {C} for {C} (carrier: {OB})
{TS} INFO kyc: verified {P}, nationality={NAT}, residence={K}
INVOICE {INV} — Bill to: {OL}, {STREET}, {C.1}, {K.1} — Due: {DATE}
Invoice {INV} issued by {OB} to {P} for {N2} licences of {SW}.
Remit to: {OL}, {C.1}, {R.1} | Amount due: {AMT} | Ref {INV}
Line {N2}: consulting hours ({P}), {N} h at {AMT}; client {O}
Payment of {AMT} received from {O} on {DATE}; thank you, {PG}.
Credit note {INV} for {OL} ({K}) cancels the {MON} invoice.
Supplier: {OL} / Buyer: {OL} / Place of delivery: {C}
This Agreement is entered into between {OL}, a company incorporated in {K}, and {OL}.
Signed for and on behalf of {OL} by {P}, {ROLE}, at {C} on {DATE}.
The Supplier shall deliver the Goods to the Buyer's premises in {C.1}, {R.1}.
This contract is governed by the laws of {K}; disputes go to arbitration in {C}.
Witness: {P}, {STREET}, {C}
Schedule {N2}: key personnel are {P}, {P} and {PI} of {O}.
Notices to {OL} shall be sent to the attention of {T} {P}.
{OR} (the "Licensor") grants {OB} (the "Licensee") a non-exclusive licence for {K}.
Effective {DATE}, {OL} assigns all rights under this Agreement to {OL}.
Attendees: {P}, {P}, {PG} ({OB}), {PI} (remote from {C})
Action item: {PG} to chase {OB} about the {C} delivery by {DAY}.
Minutes {DATE} — chair: {P}; apologies: {P}, {P}
{PG} noted that {OR}'s quote is {PCT} higher than last year's.
Decision: move the {MON} offsite from {C} to {C} because of visa issues.
{P.1} presented the {K} expansion plan; {PG.1} will circulate the deck.
AOB: {PG} is leaving {OB} at the end of {MON}; farewell lunch in {C}.
Agreed with {OI} that {P} will review the {LAW} clauses.
Next meeting: {DAY} {DATE}, {C} office, host {P}.
Open question from {PG} — does {OB} have a data centre in {K}?
{C.1}, {K.1} — {OB} today announced a partnership with {OR} to expand into {R}.
{C}, {DATE} — {OL} has appointed {P} as {ROLE}, effective immediately.
"We are thrilled to welcome {PG} to the team," said {P}, {ROLE} of {OB}.
{OB} raised {AMT} in a Series B round led by {OR}, with participation from {OL}.
About {O.1}: founded in {C} in {YEAR}, {O.1} employs {N} people across {K} and {K}.
Media contact: {P}, {OB}, {PHONE}
{OR} opens its first office in {C}, hiring {N2} engineers.
{OI} and {OB} sign a memorandum to train {N} nurses in {R}.
The {C}-based startup {OB} was acquired by {OL} for an undisclosed sum.
{K}'s largest insurer picked {OB} to digitise its claims archive.
{OB} raised prices again in {MON}.
{OB}'s {QTR} results beat expectations despite weak demand in {K}.
We switched from {OB} to {OB} after the outage.
Did {OB} ever send the signed NDA?
Tell {OB} the pallets must arrive in {C} by {DAY}.
Honestly {OB} is cheaper, but {OB} answers the phone.
{OB} and {OR} are merging, according to a memo seen by staff in {C}.
The {C} team closed three deals with {OB} this quarter.
Our {C} office moves to a new floor in {MON}.
Ask the {C} crew whether {OB} still owes us the deposit.
{C}-based {OB} hired {P} to run its {K} operations.
Flights between {C} and {C} were cancelled, so {P} joined remotely.
Shipments via {C} are delayed; {OB} blames the strike.
She left {OR} for {OB} last spring.
{P} thinks {OB} overcharged us for the {C} install.
We met {PG} at the {C} trade fair and she introduced us to {OB}.
Prices in {K} rose faster than in {K}, so {OB} shifted production to {R}.
{PS} said the {R} distributors will not accept {CURN}.
Can someone in {C} call {P} back about the {OB} refund?
I think {PG} still works at {OB}, maybe in the {C} branch.
Quote from {OB}: {AMT} for {N} units, delivered to {C}.
Neither {OB} nor {OR} operates in {K} yet.
After the audit, {OI} dropped {OB} as a supplier.
{OR} cut {N} jobs in {C} and {C}.
Is {PG} the one who negotiated with {OB} in {C}?
{OB} keeps missing deadlines, so {PS} wants to renegotiate.
Approved vendors: {OB} | {OL} | {OR} | {OB}
Shortlist: {OB}, {OB}, {OL} and {OR}.
| {P} | {ROLE} | {C} | {K} |
| {O} | {C} | {AMT} | {PCT} |
Region | Partner | Lead — {R} | {OB} | {P}
Offices: {C}, {C}, {C} and {C}.
Warehouses in {C.1} ({R.1}), {C.2} ({R.2}) and {C.3} ({K.3})
Distributors — {K}: {OB}; {K}: {OL}; {K}: {OR}
Rank {N2}. {OB} ({C}) — {PCT} market share
Panel: {T} {P} ({OI}), {P} ({OB}), {PI} ({OL})
{P}, {STREET}, {C.1} {ZIP}, {K.1}
c/o {OL}, {STREET}, {C.1}, {R.1} {ZIP}
Ship to: {P} — {STREET} — {C.1}, {R.1}, {K.1}
Billing address: {OB}, PO Box {N}, {C.1}, {K.1}
Deliver to gate {N2}, {OL} plant, {C} industrial zone
{P} has been promoted to {ROLE} and will relocate to {C}.
Reference for {P}: worked with us at {OB} in {C} from {YEAR} to {YEAR}.
Please approve {PG}'s travel to {C} for the {OI} workshop.
Visa letter: {T} {P} is invited by {OL} to visit {C.1}, {K.1}.
Interview panel for {ROLE}: {P}, {PI}, and {PG} from {OB}.
payroll query from {PL} in {C}: {MON} payslip missing
{P} ({OI}) and {P} ({OI}) co-authored the {K} market report.
Expense claim {N}: taxi in {C}, dinner with {P} of {OR}.
Thanks to {P}, {P}, and {P} for covering the {C} booth.
A delegation from {R}, {K} led by {T} {P} visited {OB} headquarters.
The {K} subsidiary of {OR} now reports to {P} in {C}.
Congrats {PG} on ten years at {OI}!
Calendar: {DAY} {TIME} — call with {P} ({O}, {C})
Call notes: {PG} from {OB} wants a {LANG} SDK and a {SW} plugin before {MON}.
Travel: {C} → {C} on {DATE}, hotel booked by {P}.
Booked the {C} meeting room for {P} and two guests from {OL}.
{O.1} vs {O.2}: {O.1} wins on price, {O.2} on support.
Who owns the {OB} account now that {P} moved to {C}?
As discussed with {T} {PS}, the {K} tax forms go out on {DAY}.
fwd from {PL}: {OB} wants to reschedule the {C} visit
Approved: {PI}, {DATE}
cc: {PI}, {PI}; bcc: {PG}
{PS}'s team in {C} will own the {OB} migration.
{T} {PS} from {OI} asked whether {OB} can invoice in {CURN}.
Handover: {P.1} is on leave, so questions about {OR} go to {PG} until {PG.1} is back.
{P} flew in from {K} to sign the {OL} contract.
Our {R} partners, {OB} and {OL}, both missed the {MON} filing.
The Board asked {P} to brief them on the {C} plant before {HOL}.
Review by {PI} ({ROLE}, {O}): ready for signature.
Recruiter note: {P} speaks {NAT} and {NAT}, currently in {C}, open to {K}.
Supplier scorecard — {OB}: 4.2, {OR}: 3.8, {OL}: 4.6
Per {P}, the {C} depot of {OB} is closed for {HOL}.
{O} hosted the {K} delegation; {P} gave the factory tour.
Re: {OB} onboarding — {PG}, can you send the {SW} invite to {P}?
Hey {PG.1}, it's {PG.2} from {OB}, we met in {C} last week.
Dispatch {N}: {OB} truck left {C} at {TIME}, driver {PG}, ETA {C} {TIME}
Escalation path: {PI} → {P} → {ROLE}
A {C}-registered firm, {OL}, is the new landlord.
{K} and {K} are the only markets where {OB} outsells {OR}.
Donation receipt: {OI} thanks {P} for the gift made in {MON}.
Sales kickoff hosted by {OB} in {C}; keynote by {T} {P}.
The {R} office of {OI} now handles all claims from {C}.
Bank transfer to {OL}, {C}, reference {INV}, authorised by {PI}.
Best regards from the {C} desk, {PG}
"""

NEG_FRAMES = r"""
Grace period for the {MON} invoices ends on {DAY}.
Will the {ROLE} approve the {SW} licence renewal?
Mark ticket {TID} as resolved once the {SW} patch is deployed.
Bill the client for {N} hours of {LANG} work.
Chase the supplier if the pallets have not arrived by {DAY}.
Hope you had a relaxing {HOL} break!
{HEAD}
Subject: {HEAD}
{"product": "{SW}", "language": "{LANG}", "owner_role": "{ROLE}", "dept": "{DEPT}"}
{TS} INFO scheduler: job export-{N} finished in {N2} ms
Ticket {TID}: {SW} crashes when importing {LANG} files; assigned to {DEPT}.
Dear {ROLE}, please review the attached {LAW} checklist before {DAY}.
Kind regards, the {DEPT} team
Invoice {INV} — {N2} × {SW} seats — {AMT} — due {DATE}
Minutes {DATE}: the Board approved the {MON} budget; the {ROLE} will report back.
We migrated the billing service from {LANG} to {LANG} last {MON}.
Prices are quoted in {CURN} and exclude VAT.
The {NAT} translation of the contract is ready for review.
Please use {FONT} 11 pt for all client letters.
The Supplier shall indemnify the Buyer against all claims arising under {LAW}.
Action item: {ROLE} to update the {SW} dashboard before {HOL}.
| Item | Qty | Unit price | Total |
| {SW} licence | {N2} | {AMT} | {AMT} |
name,company,city,country,phone
<contact><name/><company/><city/></contact>
owner: {ROLE}  team: {DEPT}  stack: {LANG}
Frank feedback from the {DEPT} review: the {SW} rollout was rushed.
Joy, relief and a lot of coffee after the {QTR} close.
{MON} deliveries are on track; {MON} is still open.
Page {N2} of {N}
Grant applications for the {MON} cycle close at {TIME}.
Our {FEAT} expansion depends on the {ROLE} hiring plan.
Shipping across the {SEA} takes about {N2} days in {MON}.
The {NAT} menu at the offsite was a hit.
Gaussian noise in the {SW} forecasts made the {QTR} numbers look worse.
Use a Boolean flag in the {LANG} client instead of string checks.
Reminder: {HOL} falls on a {DAY} this year, so payroll runs early.
Hi all, the {SW} outage is over; the {ROLE} will send a post-mortem.
Best regards, {DEPT}
Status: open | Priority: high | Component: {SW} | Assignee: unassigned
{TS} WARN {SW} connector retry {N2}/{N} (backoff {N2}s)
Dear Customer, your {SW} subscription renews on {DATE}.
{LANG} and {LANG} builds passed; {LANG} notebooks still fail.
Monte Carlo simulations for the {QTR} forecast are in the shared drive.
The {ROLE} and the {ROLE} will co-sign the {MON} report.
Hello! Could the {DEPT} desk confirm the {AMT} refund?
Per {LAW}, personal data in {SW} exports must be masked.
{"name": null, "company": "", "city": "TBD", "role": "{ROLE}"}
Hunter, the new {SW} bot, flags late invoices every {DAY}.
Thanks for your patience — the {DEPT} team
Rose-gold cases for the {SW} kit are back in stock in {MON}.
Trucks crossing the {SEA} in {MON} need winter tyres.
Dear Valued Partner, please update your bank details in the {SW} portal.
level=warn svc=billing msg="customer name missing" field=company_name
Who is the {ROLE} for {DEPT} this {QTR}?
Chase, Grant and Page are our {SW} environments, not people.
"""

SLOT_RE = re.compile(r"\{([A-Z]+[0-9]?)(?:\.(\d))?\}")
PERSON_SLOTS = {"P", "PG", "PS", "PI", "PL", "PR", "PX"}
ORG_SLOTS = {"O", "OB", "OR", "OL", "OI"}
GPE_SLOTS = {"C", "R", "K", "GX"}

class Cycler:
    """Cycles through a shuffled pool so that every item gets used."""
    def __init__(self, items, rng):
        self.items = list(items)
        self.rng = rng
        self.queue = []
    def next(self, avoid=()):
        for _ in range(len(self.items) * 2 + 5):
            if not self.queue:
                self.queue = list(self.items)
                self.rng.shuffle(self.queue)
            v = self.queue.pop()
            if v not in avoid:
                return v
            self.queue.insert(0, v)
        raise RuntimeError("pool exhausted")

def person_form(p, slot, rng):
    if slot == "PX":
        slot = rng.choice(["P", "P", "P", "PI", "PG", "PS"])
    return {"P": p["full"], "PG": p["given"], "PS": p["family"], "PI": p["ini"],
            "PL": p["full"].lower(), "PR": p["rev"]}[slot]

def main():
    rng = random.Random(SEED)
    persons = build_persons(rng)
    recs, cities, regions, countries = build_places()
    org_brand = [nfc(x) for x in ORG_BRAND + ORG_BRAND_MULTI]
    org_real = [nfc(x) for x in ORG_REAL]
    org_legal = [nfc(x) for x in ORG_LEGAL]
    org_inst = [nfc(x) for x in ORG_INST]
    org_all = org_brand + org_real + org_legal + org_inst
    assert len(set(org_all)) == len(org_all), "duplicate org"

    cyc = {
        "person": Cycler(range(len(persons)), rng),
        "OB": Cycler(org_brand, rng), "OR": Cycler(org_real, rng),
        "OL": Cycler(org_legal, rng), "OI": Cycler(org_inst, rng),
        "O": Cycler(org_all, rng),
        "rec": Cycler(range(len(recs)), rng),
        "C": Cycler(cities, rng), "R": Cycler(regions, rng), "K": Cycler(countries, rng),
        "GX": Cycler(cities + regions + countries, rng),
    }
    for k, v in FILL.items():
        cyc["F_" + k] = Cycler([nfc(x) for x in v], rng)

    # entity strings by type, for cross-type consistency and leak checks
    person_strings = set()
    for p in persons:
        person_strings.update([p["full"], p["given"], p["family"], p["ini"], p["rev"]])
    ent_strings = {"PERSON": person_strings, "ORG": set(org_all),
                   "GPE": set(cities) | set(regions) | set(countries)}
    for a in ent_strings:
        for b in ent_strings:
            if a < b:
                clash = ent_strings[a] & ent_strings[b]
                assert not clash, (a, b, sorted(clash)[:10])
    neg_strings = set()
    for k, v in FILL.items():
        neg_strings.update(nfc(x) for x in v)
    clash = neg_strings & (ent_strings["PERSON"] | ent_strings["ORG"] | ent_strings["GPE"])
    assert not clash, sorted(clash)

    frames = [nfc(f) for f in FRAMES.strip().splitlines() if f.strip()]
    neg_frames = [nfc(f) for f in NEG_FRAMES.strip().splitlines() if f.strip()]
    assert len(set(frames)) == len(frames) and len(set(neg_frames)) == len(neg_frames)
    for f in frames:
        kinds = [m.group(1) for m in SLOT_RE.finditer(f)]
        assert any(k in PERSON_SLOTS | ORG_SLOTS | GPE_SLOTS for k in kinds), f
        for k in kinds:
            assert k in PERSON_SLOTS | ORG_SLOTS | GPE_SLOTS | DYNAMIC or k in FILL, (k, f)
    for f in neg_frames:
        for m in SLOT_RE.finditer(f):
            assert m.group(1) in DYNAMIC or m.group(1) in FILL, f

    # leak detector: any entity string outside a span in the output is an error
    all_ent = sorted(ent_strings["PERSON"] | ent_strings["ORG"] | ent_strings["GPE"], key=len, reverse=True)
    leak_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in all_ent) + r")(?!\w)")

    def render(frame):
        keyed = {}
        used = set()
        # place keys need a record that has every field the frame asks for
        need = {}
        for m in SLOT_RE.finditer(frame):
            if m.group(2) and m.group(1) in GPE_SLOTS:
                need.setdefault(m.group(2), set()).add(m.group(1))
        text, spans, pos = [], [], 0
        for piece in re.split(r"(\{[A-Z]+[0-9]?(?:\.\d)?\})", frame):
            m = SLOT_RE.fullmatch(piece)
            if not m:
                text.append(piece)
                pos += len(piece)
                continue
            kind, key = m.group(1), m.group(2)
            etype = None
            if kind in PERSON_SLOTS:
                etype = "PERSON"
                if key and ("p", key) in keyed:
                    p = keyed[("p", key)]
                else:
                    while True:
                        p = persons[cyc["person"].next()]
                        if p["full"] not in used and p["family"] not in used and p["given"] not in used:
                            break
                    if key:
                        keyed[("p", key)] = p
                    used.update([p["full"], p["family"], p["given"]])
                val = person_form(p, kind, rng)
            elif kind in ORG_SLOTS:
                etype = "ORG"
                if key and ("o", key) in keyed:
                    val = keyed[("o", key)]
                else:
                    val = cyc[kind].next(avoid=used)
                    used.add(val)
                    if key:
                        keyed[("o", key)] = val
            elif kind in GPE_SLOTS:
                etype = "GPE"
                if key:
                    if ("g", key) not in keyed:
                        fields = need[key]
                        while True:
                            r = recs[cyc["rec"].next()]
                            if ("R" in fields and not r["region"]) or r["city"] in used or r["country"] in used:
                                continue
                            if r["region"] and r["region"] in used:
                                continue
                            break
                        keyed[("g", key)] = r
                        used.update(x for x in (r["city"], r["region"], r["country"]) if x)
                    r = keyed[("g", key)]
                    val = {"C": r["city"], "R": r["region"], "K": r["country"]}[kind]
                    assert val
                else:
                    val = cyc[kind].next(avoid=used)
                    used.add(val)
            elif kind in DYNAMIC:
                val = fill_dynamic(kind, rng)
            else:
                val = cyc["F_" + kind].next(avoid=used)
                used.add(val)
            if etype:
                assert val == val.strip() and val
                spans.append((etype, pos, pos + len(val), val))
            text.append(val)
            pos += len(val)
        return "".join(text), spans

    def verify(text, spans):
        assert "\t" not in text and "\n" not in text and "\r" not in text
        assert unicodedata.normalize("NFC", text) == text
        assert all(ord(ch) < 0x10000 for ch in text)
        last = 0
        for etype, s, e, val in spans:
            assert text[s:e] == val, (text, s, e, val)
            assert s >= last, ("overlap", text)
            assert val == val.strip()
            assert etype in ("PERSON", "ORG", "GPE")
            last = e
        for m in leak_re.finditer(text):
            if not any(s <= m.start() and m.end() <= e for _, s, e, _ in spans):
                raise AssertionError("untagged entity %r in %r" % (m.group(0), text))

    n_neg = int(round(N_TOTAL * NEG_SHARE))
    n_pos = N_TOTAL - n_neg
    rows, seen = [], set()
    frame_use = Counter()

    def produce(frame_list, n):
        order = []
        while len(order) < n:
            chunk = list(range(len(frame_list)))
            rng.shuffle(chunk)
            order.extend(chunk)
        for idx in order[:n]:
            # a frame without slots can only yield one line; fall back to a slotted frame
            while not SLOT_RE.search(frame_list[idx]) and frame_use[frame_list[idx]]:
                idx = rng.randrange(len(frame_list))
            for attempt in range(50):
                text, spans = render(frame_list[idx])
                if text not in seen:
                    break
            else:
                raise RuntimeError("cannot make unique line for " + frame_list[idx])
            verify(text, spans)
            seen.add(text)
            frame_use[frame_list[idx]] += 1
            rows.append((text, spans))

    produce(frames, n_pos)
    produce(neg_frames, n_neg)
    rng.shuffle(rows)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ner-train-a.tsv")
    type_counts = Counter()
    distinct = {"PERSON": set(), "ORG": set(), "GPE": set()}
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for text, spans in rows:
            for etype, s, e, val in spans:
                type_counts[etype] += 1
                distinct[etype].add(val)
            fh.write(text + "\t" + ";".join("%s:%d:%d" % (t, s, e) for t, s, e, _ in spans) + "\n")

    # re-read and re-verify the written file
    with open(out, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == N_TOTAL
    for line in lines:
        text, sp = line.split("\t")
        if sp:
            for item in sp.split(";"):
                t, s, e = item.split(":")
                s, e = int(s), int(e)
                assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()

    n_empty = sum(1 for _, s in rows if not s)
    print("sentences", len(rows))
    print("sentences without entity", n_empty)
    print("spans", dict(type_counts), "total", sum(type_counts.values()))
    print("distinct span strings", {k: len(v) for k, v in distinct.items()})
    print("entity frames", len(frames), "negative frames", len(neg_frames),
          "frames used", len(frame_use))
    print("pools: persons", len(persons), "person strings", len(person_strings),
          "orgs", len(org_all), "(brand %d, real %d, legal %d, institution %d)" % (
              len(org_brand), len(org_real), len(org_legal), len(org_inst)),
          "places", len(ent_strings["GPE"]), "(cities %d, regions %d, countries %d)" % (
              len(cities), len(regions), len(countries)))

if __name__ == "__main__":
    main()
