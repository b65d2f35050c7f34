#!/usr/bin/env python3
"""Generator for ner-holdout.tsv (held-out NER evaluation set: PERSON / ORG / GPE).

Deterministic (fixed seed), Python 3 standard library only.

    python3 ner-holdout.gen.py            # writes ner-holdout.tsv next to this script
    python3 ner-holdout.gen.py --stats    # also prints the counts documented in ner-holdout.md

Every frame, name pool and hard-negative filler below was written by hand for
this file by an author who did not see the recognizer, its name lists or the
other evaluation set.  Labelling follows the "Labelling guideline" of ../README.md.

Frame placeholders (written as [[X]] so JSON braces in frames stay literal):
  PF  full person name          PG  given name alone      PS  surname alone (after a title)
  suffix f / m restricts gender (for Ms./Mrs./Mr. and pronouns), suffix l lower-cases
  (chat), "#k" makes several placeholders in one frame refer to the same person.
  O   any organisation; Oc company, Ou university, Oh hospital/clinic, On NGO/foundation,
      Oa government agency; Ol lower-cased simple company name (chat)
  G   any place (city, town, region, province, state, country); Gc city or town only;
      Gr region, province, state or country only;
      Gl lower-cased city or town (chat)
  Non-entity fillers (never labelled): LANG, PROD, MONTH, DAY, DAYl, ROLE, DEPT, NUM, INV, DATE
"""
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20240917
N_TOTAL = 500
N_NEGATIVE = 100
OUT = Path(__file__).resolve().parent / "ner-holdout.tsv"

# ---------------------------------------------------------------------------
# Person names.  One entry per line: "Given|Surname" (full = "Given Surname"),
# or "=Full|Given|Surname" when the order/short form is not that simple
# (surname-first names, particles, initials).  Empty Given = not used alone.
# ---------------------------------------------------------------------------
PERSONS = {
    "west_african": ("""
Chiamaka|Nwosu
=Efua Mensah-Bonsu|Efua|Mensah-Bonsu
Aminata|Sow
Ngozi|Okonkwo-Adeyemi
Folasade|Olatunji
Abena|Owusu
Ifeoma|Chukwuemeka
Fatoumata|Keita
Yewande|Adebisi
Adjoa|Sarpong
""", """
Adebayo|Ogunleye
Kwabena|Asante
Ousmane|Diallo
Yaw|Boateng
Babajide|Adeyemi
Mamadou|Ndiaye
Tunde|Bakare
Chinedu|Okafor
Kofi|Appiah-Kubi
Modou|Faye
"""),
    "east_african": ("""
Wanjiru|Kamau
Achieng|Ouma
Zawadi|Njoroge
Selamawit|Haile
Nyokabi|Wambui
Nakato|Namukasa
Makena|Chebet
Rehema|Mushi
Mahlet|Tesfaye
""", """
Otieno|Odhiambo
Baraka|Mwangi
Abebe|Girma
Kato|Ssemakula
Juma|Mfinanga
Kiprono|Rotich
Dawit|Alemu
Mugisha|Habimana
Hassani|Kombo
"""),
    "arabic": ("""
=Noura bint Saeed|Noura|bint Saeed
Rania|Haddad
Lamis|Khoury
Mariam|Al-Sayed
Salma|Abdelrahman
Huda|Nasrallah
Dalia|Barakat
Yasmina|El Idrissi
Rawan|al-Zoubi
""", """
Khalid|al-Harbi
Youssef|El Amrani
Tariq|Mansour
Hamza|Benali
=Faisal bin Nasser al-Qahtani|Faisal|al-Qahtani
Karim|Bouzid
Ziad|Aboul-Enein
Ayman|Darwish
Anas|Qasem
"""),
    "persian": ("""
Shirin|Moradi
Golnaz|Rezaei
Parisa|Hosseini
Niloufar|Sadeghi
Roxana|Ebrahimi
Mahsa|Kazemi
Tahmineh|Golestani
""", """
Arash|Tehrani
Dariush|Farahani
Kaveh|Jafari
Behrouz|Karimi
Mehrdad|Ahmadzadeh
Siavash|Nouri
Pouya|Shafiei
"""),
    "south_asian": ("""
Priyanka|Deshpande
=Harpreet Kaur Sandhu|Harpreet|Sandhu
Sunita|Chaudhary
Meenakshi|Sundaram
Tasnim|Rahman
Dilani|Jayasuriya
Sagarika|Bhattacharya
Ayesha|Siddiqui
Lakshmi|Narayanan
Nirmala|Thapa
Shreya|Kulkarni
""", """
Anirudh|Venkataraman
Rajesh|Iyengar
Arjun|Ramaswamy
Farhan|Chowdhury
Nimal|Perera
Bishnu|Adhikari
Vikram|Malhotra
Imran|Qureshi
=S. R. Venugopal||Venugopal
Kiran|Gowda
Tanvir|Hossain
"""),
    "chinese": ("""
=Chen Xiaoling|Xiaoling|Chen
=Li Meihua|Meihua|Li
=Huang Yuting|Yuting|Huang
=Guo Jiahui|Jiahui|Guo
=Liang Shuang|Shuang|Liang
=Deng Qiaoyun|Qiaoyun|Deng
=Kwok Ka-wai|Ka-wai|Kwok
""", """
=Wang Jianguo|Jianguo|Wang
=Zhou Haoran|Haoran|Zhou
=Lin Zhiwei|Zhiwei|Lin
=Xu Mingyu|Mingyu|Xu
=Tan Wei Ming|Wei Ming|Tan
=Ho Siu-lun|Siu-lun|Ho
=Sun Yufei|Yufei|Sun
"""),
    "japanese": ("""
Yui|Takahashi
Aoi|Fujiwara
Mei|Kobayashi
Rina|Hasegawa
Emiko|Shimizu
Natsuki|Ishikawa
Chihiro|Yamaguchi
""", """
Haruto|Sakamoto
Kenji|Morimoto
Sota|Inoue
Takeshi|Nakamura
Daisuke|Ogawa
Ryo|Matsumoto
Hiroki|Kuroda
"""),
    "korean": ("""
=Park Ji-woo|Ji-woo|Park
=Lee Seo-yeon|Seo-yeon|Lee
=Jung Ha-eun|Ha-eun|Jung
=Yoon Soo-ah|Soo-ah|Yoon
=Seo Yeon-hee|Yeon-hee|Seo
=Shin Eun-ji|Eun-ji|Shin
""", """
=Kim Min-jun|Min-jun|Kim
=Choi Hyun-woo|Hyun-woo|Choi
=Kang Dong-hyun|Dong-hyun|Kang
=Han Jae-sung|Jae-sung|Han
=Oh Taek-yeon|Taek-yeon|Oh
=Bae Seung-ho|Seung-ho|Bae
"""),
    "vietnamese": ("""
=Nguyen Thi Lan|Lan|Nguyen
=Pham Minh Chau|Chau|Pham
=Dang Thu Trang|Trang|Dang
=Hoang Bao Ngoc|Ngoc|Hoang
=Do Phuong Linh|Linh|Do
=Ngô Thị Hạnh|Hạnh|Ngô
""", """
=Tran Van Duc|Duc|Tran
=Le Hoang Anh|Hoang Anh|Le
=Vo Thanh Tung|Tung|Vo
=Bui Quoc Huy|Huy|Bui
=Trịnh Đức Thắng|Thắng|Trịnh
=Phan Gia Bao|Gia Bao|Phan
"""),
    "thai": ("""
Kanokwan|Srisuk
Ploy|Rattanakorn
Supaporn|Kittisak
Pimchanok|Jaidee
Waraporn|Saetang
""", """
Somchai|Wongsawat
Anucha|Chaiyaporn
Thanawat|Boonmee
Nattapong|Suwannarat
Chaiwat|Thongchai
"""),
    "indonesian": ("""
Siti|Rahmawati
Dewi|Lestari
=Putu Ayu Wirawan|Putu Ayu|Wirawan
Indah|Permatasari
Ratna|Kusumawardani
Nurul|Hidayah
""", """
Budi|Santoso
Agus|Wibowo
Rizky|Pratama
=I Wayan Sudarsana|Wayan|Sudarsana
Hendra|Gunawan
Bayu|Nugroho
"""),
    "filipino": ("""
=Ma. Lourdes Villanueva|Lourdes|Villanueva
Rhea|Macaraeg
Rowena|Dela Cruz
Liezl|Santiago
Mylene|Tolentino
Analyn|Gatchalian
""", """
Jericho|Dimaculangan
Paolo|Bautista
Jomar|Pangilinan
Arnel|Manalo
Rodel|Sison
Efren|Buenaventura
"""),
    "slavic": ("""
Katarzyna|Wiśniewska
Oksana|Shevchuk
Zuzana|Horváthová
Jelena|Petrović
Agnieszka|Lewandowska
Svetlana|Kuznetsova
Bojana|Marković
Milena|Dvořáková
""", """
Dmitri|Volkov
Bogdan|Kovalenko
Miroslav|Novák
Tomasz|Zieliński
Yaroslav|Melnyk
Radek|Dvořák
Stanislav|Popov
Nemanja|Ilić
"""),
    "baltic": ("""
Aistė|Kazlauskienė
Rūta|Jankauskaitė
Ilze|Kalniņa
Līga|Ozoliņa
Kadri|Saar
Eglė|Vaitkutė
""", """
Mindaugas|Petrauskas
Jānis|Bērziņš
Kristaps|Ozols
Tõnu|Tamm
Märt|Kask
Žygimantas|Balčiūnas
"""),
    "nordic": ("""
Sigrid|Haugen
Astrid|Lindqvist
Freja|Kjærgaard
Aino|Korhonen
Guðrún|Sigurðardóttir
Solveig|Nygaard
Ingrid|Østby
""", """
Bjørn|Solberg
Henrik|Åkesson
Mikkel|Thygesen
Eero|Virtanen
Sigurður|Jónsson
Per-Olof|Sjöberg
Jukka|Heikkinen
"""),
    "greek": ("""
Eleni|Konstantinou
Katerina|Alexiou
Panagiota|Vlachou
Despina|Economou
Chrysoula|Papadaki
""", """
Dimitrios|Papadopoulos
Yiannis|Georgiou
Stavros|Anagnostou
Thanasis|Mavridis
Vasilis|Nikolaidis
"""),
    "turkish": ("""
Zeynep|Aydın
Elif|Şahin
Selin|Arslan
Ayşe|Demir
Ebru|Koç
Gülşen|Yılmazer
""", """
Emre|Yıldız
Mehmet|Öztürk
Burak|Çelik
Oğuz|Kaya
Kerem|Doğan
Cem|Yavuz
"""),
    "latin_american": ("""
=Ximena Ruiz Castañeda|Ximena|Ruiz Castañeda
Micaela|Quispe
Itzel|Rojas
Guadalupe|Cárdenas
Fernanda|Villalobos
Marisol|Barrientos
Luana|Ferreira
Renata|Figueroa
Yesenia|Mamani
""", """
Joaquín|Ibarra
Eliseo|Huamán
Rodrigo|Benavides
Esteban|Quintero
Caetano|Mendonça
Wilmer|Choque
Anselmo|Paredes
Heriberto|Saucedo
Gustavo|Arancibia
"""),
    "iberian": ("""
=Inês da Silva Tavares|Inês|da Silva Tavares
Begoña|Etxeberria
Montserrat|Puig
Nuria|Castellanos
Rocío|Montalbán
=Beatriz de la Fuente|Beatriz|de la Fuente
Leonor|Quintela
""", """
Gonçalo|Magalhães
Iñaki|Goikoetxea
Jordi|Vilaseca
Íñigo|Ybarra
=Xosé Lois Varela|Xosé Lois|Varela
Tiago|Sampaio
Duarte|Meireles
"""),
    "italian": ("""
Giulia|De Santis
Chiara|Lombardi
Francesca|Marchetti
Ilaria|Colombo
Benedetta|Galli
Serena|Mancini
Vittoria|Pellegrini
""", """
Alessandro|Ferraro
Ottavio|Russo
Federico|Bianchi
Gianluca|Esposito
Raffaele|Di Stefano
Corrado|Fumagalli
Tommaso|Lo Presti
"""),
    "french": ("""
Amélie|Rousseau
Margaux|Girard
Solène|Chevalier
Gaëlle|Fontaine
Clémence|Dubois
Océane|Perrin
Ségolène|Marchal
""", """
Baptiste|Lefèvre
Guillaume|Morel
Thibault|Marchand
Aurélien|Lemaire
Benoît|Garnier
Pierre-Henri|Delacroix
Loïc|Bertrand
"""),
    "german": ("""
Anneliese|Bauer
Friederike|Wagner
Henrike|Vogel
Ulrike|Lehmann
Gesine|Hartmann
Birgit|Schäfer
=Annika von Stein|Annika|von Stein
""", """
Jürgen|Hoffmann
Dieter|Schwarzkopf
Malte|Brandt
Torsten|Krüger
Wolfgang|Richter
Klaus-Dieter|Neumann
Detlef|Zimmermann
"""),
    "dutch": ("""
=Fenna van den Heuvel|Fenna|van den Heuvel
Sanne|Bakker
Marieke|Jansen
=Femke de Jong|Femke|de Jong
Lieke|Mulder
=Anouk van Dijk|Anouk|van Dijk
""", """
=Joost de Vries|Joost|de Vries
=Thijs van Leeuwen|Thijs|van Leeuwen
Bram|Visser
Pieter-Jan|Smit
=Wouter ter Horst|Wouter|ter Horst
Sjoerd|Hoekstra
"""),
    "irish": ("""
=Aoife Ní Bhriain|Aoife|Ní Bhriain
=Siobhán Mac Giolla|Siobhán|Mac Giolla
Niamh|Fitzgerald
Saoirse|Gallagher
Caoimhe|Brennan
Dervla|McNamara
Fionnuala|Hegarty
""", """
=Ruairí Ó Súilleabháin|Ruairí|Ó Súilleabháin
Cian|O'Donoghue
=Oisín Mac Carthaigh|Oisín|Mac Carthaigh
=Tadhg Ó Ceallaigh|Tadhg|Ó Ceallaigh
Darragh|Keane
Cathal|Moriarty
"""),
    "polynesian": ("""
Mele|Tupou
Losa|Fa'asalele
Aroha|Ngata
Mere|Tawhiri
Kawehi|Kealoha
Teuila|Sapolu
""", """
Sione|Taufa
Tevita|Fifita
Manaia|Tuilagi
=Wiremu Te Kani|Wiremu|Te Kani
Hemi|Parata
Keoni|Kahananui
Tamatea|Horomona
"""),
    "indigenous_american": ("""
Shandiin|Begay
Nizhoni|Yazzie
Winona|Bearheart
=Kimimila Two Bulls|Kimimila|Two Bulls
Aiyana|Cornsilk
Kiona|Tallchief
Xóchitl|Coyotl
Sumac|Huanca
""", """
Ahiga|Tsosie
Tayen|Whitehorse
=Chaske Spotted Eagle|Chaske|Spotted Eagle
Makwa|Kingbird
Inti|Condori
Amaruq|Kunuk
Hotah|Lone Elk
Nokomis|Kakegamic
"""),
}

# A self-written list of very common English given names.  The pools must not use
# any of them (checked below) so the set does not reward an English-name gazetteer.
COMMON_ENGLISH_GIVEN = set("""
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric erik jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip louis liam oliver lucas luke owen caleb
isaac hunter connor evan jayden aiden jackson carter wyatt julian levi isaiah landon
christopher lincoln grayson hudson charlie josiah adrian colton jaxon nolan cameron
ian easton dominic xavier jason leo max oscar hugo felix ivan omar carlos luis jorge
miguel antonio angel diego victor eduardo alex tony nick mike chris matt dan tom tim ben
sam jim bob steve jeff greg fred harry martin simon neil colin graham stuart craig
mateo thiago sebastian santiago alejandro mary patricia jennifer linda elizabeth barbara
susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna
michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine
christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl
hannah jacqueline martha gloria teresa ann anne sara madison frances kathryn janice
jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori mia ava chloe
zoe lily ella leah nora ruby elena sofia lucy clara julia eva nina rosa ana sonia carmen
irene vera lena tina amelia harper evelyn abigail ellie scarlett aria layla riley
nova hazel violet aurora savannah audrey brooklyn bella claire skylar paisley everly
anna caroline genesis emilia kennedy maya willow kinsley naomi aaliyah elena sadie
valentina camila gianna luna leilani ivy isla jade rose joy hope faith kate jane
susie molly holly emma ellen eleanor alison allison kristin kristen tracy wendy
""".split())


def parse_persons():
    recs = []
    for culture, (fem, masc) in PERSONS.items():
        for gender, block in (("f", fem), ("m", masc)):
            for line in block.strip().splitlines():
                line = line.strip()
                if line.startswith("="):
                    full, given, sur = line[1:].split("|")
                else:
                    given, sur = line.split("|")
                    full = given + " " + sur
                recs.append({"full": full, "given": given or None, "sur": sur,
                             "gender": gender, "culture": culture, "uses": 0})
    return recs


# ---------------------------------------------------------------------------
# Organisations by kind.  Invented and real small/mid-size organisations.
# ---------------------------------------------------------------------------
ORGS = {
    "c": """
Brightwater Logistics Ltd
Halvorsen Maritime AS
Tidewell Analytics
Nordlys Energi ASA
Sunbird Textiles Pvt. Ltd.
Okapi Health Systems
Quillfeather Publishing
Baobab Microfinance Bank
Ferrovia Nuova S.p.A.
Tamarind Foods Sdn Bhd
Vantera Capital Partners LLP
Stonebridge Insurance plc
Kōyō Precision Co., Ltd.
Hanbit Semiconductor Co.
Pérez & Ibarra Abogados S.L.
Grünwald Metallbau GmbH
Van Rijn Bouw B.V.
Dubois Frères SARL
Nakuru Agro Processors Ltd
Pacific Reef Aquaculture Pty Ltd
Lumen Ridge Software Inc.
Cobaltline Telecom
Marigold Events LLC
Bluegum Childcare Centres
Anatolia Tekstil A.Ş.
Saffron Route Travel
Harbour & Finch Solicitors
Iroko Ventures
Mekong Delta Seafoods JSC
Siam Orchid Hotels Co., Ltd.
PT Nusantara Logistik Tbk
Kalayaan Outsourcing Inc.
Cordillera Minera S.A.C.
Pampa Verde Agro S.A.
Tlaloc Servicios Hídricos S.A. de C.V.
Kōwhai Software Ltd
Polaris Cold Chain Oy
Metsavana Puit OÜ
Daugava Freight SIA
Nemunas Bioenergy UAB
Vistula Robotics sp. z o.o.
Danubia Pharma Kft.
Carpathia Wood SRL
Aegean Yachting S.A.
Bosphorus Lojistik A.Ş.
Cedar Coast Consulting SAL
Zagros Carpet House
Indus Loom Textiles Ltd
Lanka Spice Exporters (Pvt) Ltd
Thar Solar Pvt Ltd
Kilimanjaro Highland Tea Estates
Harmattan Media Group
Fennec Courier Services
Oyelaran & Partners
Maple Hollow Dairy Co-op
Azulejo Design Studio
Velvetleaf Cosmetics
Ironbark Civil Engineering
Sakura Bento Kitchens K.K.
Gangnam Pixel Studio
Flutterwave
Paystack
Andela
M-KOPA
Jumia
Tokopedia
Zalando
Klarna
Rakuten
Infosys
Wipro
Mahindra & Mahindra
Zoho Corporation
Freshworks
Naspers
Dangote Cement
Ecobank
Equity Bank
Kenya Airways
Ethiopian Airlines
Aramex
Careem
Emaar Properties
Petronas
Maybank
Globe Telecom
Jollibee Foods Corporation
Ayala Land
Vinamilk
FPT Software
Charoen Pokphand Foods
Siam Cement Group
Coupang
Yamato Transport
Shiseido
Mercado Libre
Embraer
Grupo Bimbo
Rappi
Nubank
Falabella
Inditex
Mercadona
Sonae
Barilla
Ferrero
Ubisoft
Michelin
Vorwerk
Trumpf
Rabobank
Coolblue
Kerry Group
Maersk
Vestas
Equinor
Supercell
Kone
Arçelik
Turkcell
Trendyol
Allegro
CD Projekt
Pipedrive
Swedbank
Fiji Airways
Air Tahiti Nui
Fletcher Building
Fonterra
Škoda Auto
Krka
Ooredoo
Etisalat
Olam Agri
Bidco Africa
Tusker Mattresses
Larkspur Dental Group
""",
    "n": """
Médecins Sans Frontières
BRAC
Amref Health Africa
Save the Children
Habitat for Humanity
Aga Khan Foundation
Tostan
GiveDirectly
Practical Action
CARE International
Norwegian Refugee Council
Plan International
Fundación Paraguaya
Gawad Kalinga
Self Employed Women's Association
Sahel Water Initiative
Sankofa Heritage Trust
Sundarban Honey Collective
Barefoot College
Kiva
Slow Food Foundation
First Nations Development Institute
Pacific Islands Forum Secretariat
Turkish Red Crescent
""",
    "u": """
University of Ibadan
Makerere University
Universidad de los Andes
Universidade de Coimbra
Jagiellonian University
Vilnius University
Aalto University
KTH Royal Institute of Technology
Chulalongkorn University
Universitas Gadjah Mada
Ateneo de Manila University
Seoul National University
Kyoto University
Fudan University
Indian Institute of Technology Madras
University of Dhaka
American University of Beirut
Sharif University of Technology
Boğaziçi University
Aristotle University of Thessaloniki
Trinity College Dublin
Universidad Nacional de Colombia
Pontificia Universidad Católica de Chile
University of the South Pacific
Victoria University of Wellington
Université Cheikh Anta Diop
Kwame Nkrumah University of Science and Technology
Addis Ababa University
Leiden University
Heidelberg University
Politecnico di Milano
Haskell Indian Nations University
Navajo Technical University
University of Peradeniya
Hanoi University of Science and Technology
Universidad Mayor de San Andrés
""",
    "h": """
Aga Khan University Hospital
Kenyatta National Hospital
Korle Bu Teaching Hospital
Groote Schuur Hospital
Narayana Health
Siriraj Hospital
Bumrungrad International Hospital
St. Luke's Medical Center
Charité
Karolinska University Hospital
Hospital Clínic de Barcelona
Mater Misericordiae University Hospital
Rigshospitalet
Hôpital Pitié-Salpêtrière
Starship Children's Hospital
Mulago National Referral Hospital
Lagos University Teaching Hospital
King Faisal Specialist Hospital
Hamad Medical Corporation
Asan Medical Center
Tan Tock Seng Hospital
St. Brigid's Rehabilitation Centre
Christchurch Hospital
Hospital Italiano de Buenos Aires
Tygerberg Hospital
""",
    "a": """
Uganda Revenue Authority
Federal Inland Revenue Service
HM Revenue & Customs
Bundesagentur für Arbeit
Agencia Tributaria
Skatteverket
Finnish Immigration Service
Immigration New Zealand
National Health Insurance Fund
PhilHealth
Ghana Revenue Authority
Rwanda Development Board
Tanzania Ports Authority
Land Transport Authority
Korea Customs Service
Instituto Nacional de Estadística
Statistics Netherlands
Bundesamt für Migration und Flüchtlinge
Direção-Geral da Saúde
Indian Health Service
""",
}

# ---------------------------------------------------------------------------
# Places.  "c" = cities and towns, "r" = regions, provinces, states, countries.
# ---------------------------------------------------------------------------
GPES = {
    "c": """
Eldoret
Mombasa
Arusha
Mwanza
Dodoma
Gulu
Jinja
Mbarara
Huye
Bahir Dar
Hawassa
Mekelle
Tamale
Kumasi
Takoradi
Enugu
Kano
Port Harcourt
Abeokuta
Bobo-Dioulasso
Thiès
Ziguinchor
Sikasso
Lubumbashi
Blantyre
Ndola
Kitwe
Bulawayo
Beira
Nampula
Windhoek
Stellenbosch
Gqeberha
Polokwane
Marrakesh
Fès
Agadir
Sfax
Sousse
Oran
Aswan
Irbid
Zarqa
Sidon
Eskişehir
Gaziantep
Trabzon
Bursa
Konya
Erbil
Isfahan
Shiraz
Tabriz
Yazd
Salalah
Sohar
Dammam
Abha
Sharjah
Coimbatore
Madurai
Visakhapatnam
Nagpur
Indore
Bhubaneswar
Guwahati
Mysuru
Kochi
Lucknow
Sylhet
Chattogram
Khulna
Pokhara
Biratnagar
Kandy
Galle
Jaffna
Faisalabad
Multan
Chengdu
Kunming
Xiamen
Qingdao
Harbin
Suzhou
Kaohsiung
Tainan
Sapporo
Sendai
Fukuoka
Kanazawa
Kumamoto
Busan
Daegu
Gwangju
Daejeon
Erdenet
Da Nang
Can Tho
Hai Phong
Nha Trang
Chiang Mai
Khon Kaen
Hat Yai
Udon Thani
Surabaya
Yogyakarta
Bandung
Makassar
Denpasar
Cebu
Davao
Iloilo
Baguio
Cagayan de Oro
Ipoh
Kota Kinabalu
Kuching
Luang Prabang
Battambang
Mandalay
Tampere
Oulu
Tromsø
Stavanger
Aarhus
Odense
Uppsala
Umeå
Akureyri
Pärnu
Daugavpils
Liepāja
Kaunas
Klaipėda
Gdańsk
Wrocław
Poznań
Łódź
Brno
Košice
Debrecen
Cluj-Napoca
Timișoara
Plovdiv
Varna
Novi Sad
Rijeka
Maribor
Lviv
Kharkiv
Yekaterinburg
Patras
Heraklion
Ioannina
Braga
Faro
Bilbao
Zaragoza
Valladolid
Girona
Bologna
Trieste
Verona
Bari
Nantes
Rennes
Grenoble
Strasbourg
Leipzig
Freiburg
Münster
Groningen
Eindhoven
Maastricht
Ghent
Leuven
Liège
Galway
Limerick
Sligo
Kilkenny
Dundee
Swansea
Arequipa
Cusco
Puno
Cochabamba
Oruro
Medellín
Barranquilla
Bucaramanga
Guayaquil
Cuenca
Valparaíso
Temuco
Mendoza
Rosario
Salta
Curitiba
Recife
Fortaleza
Porto Alegre
Manaus
Belo Horizonte
Oaxaca
Puebla
Guadalajara
Mérida
Quetzaltenango
San Pedro Sula
Saskatoon
Halifax
Thunder Bay
Iqaluit
Yellowknife
Albuquerque
Tucson
Gallup
Flagstaff
Tulsa
Duluth
Fairbanks
Suva
Lautoka
Apia
Nukuʻalofa
Papeete
Rotorua
Tauranga
Dunedin
Whanganui
Hobart
Townsville
Ballarat
Hilo
Nouméa
Lae
""",
    "r": """
KwaZulu-Natal
Oromia
Ashanti Region
Kakamega County
Zanzibar
Western Cape
Kerala
Tamil Nadu
Gujarat
Sindh
Sichuan
Yunnan
Guangdong
Hokkaido
Okinawa
Jeju Province
Sabah
Central Java
Mindanao
Isan
Lapland
Telemark
Jutland
Dalarna
Latgale
Samogitia
Silesia
Moravia
Transylvania
Galicia
Andalusia
Basque Country
Tuscany
Sicily
Brittany
Occitanie
Bavaria
Saxony
Friesland
Flanders
County Clare
Donegal
Antioquia
Minas Gerais
Bahia
Chiapas
Jalisco
Manitoba
Nunavut
Saskatchewan
New Mexico
Oklahoma
Montana
Tasmania
Queensland
Northland
Ghana
Paraguay
Latvia
Bhutan
Fiji
Mongolia
Uruguay
Tunisia
Kyrgyzstan
Laos
Slovenia
Estonia
Samoa
Malawi
Oman
""",
}

# ---------------------------------------------------------------------------
# Hard-negative fillers (never labelled).
# ---------------------------------------------------------------------------
LANGS = ["Python", "Julia", "Rust", "Go", "Swift", "Pascal", "Ruby", "Kotlin", "Scala",
         "Elixir", "Haskell", "Erlang", "Dart", "Perl", "Fortran", "Clojure"]
PRODS = ["Excel", "Notion", "Jira", "Figma", "Kubernetes", "Postgres", "Kafka", "Tableau",
         "Power BI", "Grafana", "Airtable", "Confluence", "Terraform", "SharePoint",
         "Trello", "Looker", "Outlook", "WhatsApp", "Google Sheets", "Miro", "Zapier",
         "Salesforce CRM", "Android", "Docker", "Redis", "Copilot"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROLES = ["Product Manager", "Head of Sales", "Finance Director", "Chief Nursing Officer",
         "Data Protection Officer", "Site Lead", "Scrum Master", "Account Executive",
         "Operations Manager", "Senior Engineer", "Office Manager", "Clinical Lead"]
DEPTS = ["HR", "Finance", "Marketing", "Legal", "Procurement", "IT", "Payroll",
         "Customer Success", "Facilities", "Compliance"]

# ---------------------------------------------------------------------------
# Frames with entities.
# ---------------------------------------------------------------------------
FRAMES = r"""
# --- LLM prompts
Draft a reply to [[PF]] about the delayed shipment to [[Gc]].
Write a polite follow-up email to Dr. [[PS]] asking whether the lab results are ready.
Summarise this thread between [[PF]] and [[PF]] in three bullet points.
Can you translate this note for [[PG]] into Portuguese? They start at [[Oc]] on [[DAY]].
Rewrite the following paragraph so it sounds less formal; it's going to [[PF]] at [[Oc]].
Help me prepare questions for my interview with [[Oc]] in [[Gc]] next week.
Generate a LinkedIn recommendation for [[PF]], who worked with me at [[Oc]] for four years.
Please proofread this cover letter addressed to Ms. [[PSf]], Hiring Manager at [[Oc]].
Make a packing list for a week in [[G]] and two days in [[Gc]] in [[MONTH]].
Explain to [[PGf]] in simple terms why her visa application for [[G]] was rejected.
I need a short toast for [[PF]]'s retirement party after 30 years at [[O]].
Turn these notes from my call with [[PF]] into a short action list.
Write a birthday message for my colleague [[PG]] from the [[Gc]] office.
Compose a complaint letter to [[Oc]] about the water damage in my flat in [[Gc]].
Ask [[PF]] whether the contract with [[Oc]] can be signed before [[DAY]].
Create a Python script that emails [[PF]] the weekly sales report for [[G]].
Suggest a gentle way to tell Mr. [[PSm]] that his proposal was not selected.
Draft a thank-you note to the team at [[O]] for hosting us in [[Gc]].
Give me talking points for a meeting with [[PF]] from [[Oc]] about the [[PROD]] rollout.
Summarise the attached CV of [[PF]] and highlight experience relevant to a role in [[G]].
Write a 100-word bio of Prof. [[PF]] of [[Ou]] for the conference programme.
Pretend you are [[PG]]'s assistant and politely decline the invitation from [[O]].
What should I say to my landlord, [[PF]], about the broken heater?
Plan a 5-day itinerary starting in [[Gc]] and ending in [[Gc]], with an afternoon free to visit [[PG]].
Rephrase this more formally: "[[PF]] will cover for me while I'm at the [[Gc]] workshop."
Please write an out-of-office reply pointing people to [[PF]] while I am in [[G]].
You are a recruiter at [[Oc]]. Write a rejection email to [[PF]] that is kind but clear.
Fix the grammar: "me and [[PG]] was going to [[Gc]] for the audit"
Write a LinkedIn post congratulating [[PF]] on joining [[On]] to lead its [[Gr]] programme.
Generate three subject lines for an email inviting [[PF]] to speak at [[Ou]].
# --- email bodies and sign-offs
Hi [[PG]], thanks for sending the revised quote so quickly.
Dear Mr. [[PSm]], please find attached the signed agreement with [[Oc]].
Best, [[PF]]
Kind regards, [[PF]] | Procurement Lead | [[Oc]]
Thanks again, [[PG]]
Hello [[PG]] and [[PG]], looping in [[PF]] from our [[Gc]] office.
Cheers, [[PG]] (sent from my phone)
Dear Dr. [[PS]], I am writing on behalf of [[O]] to confirm your keynote in [[Gc]].
Warm regards, [[PF]], [[Oc]], [[Gc]]
Hi all, please welcome [[PF]], who joins [[Oc]] as our new Head of Sales.
Sorry for the late reply, [[PG]] – I was travelling between [[Gc]] and [[Gc]] all week.
Many thanks, [[PF]] / Finance / [[Oc]]
Dear Ms. [[PSf]], your refund from [[Oc]] has been processed.
Regards, Prof. [[PF]], Department of Chemistry, [[Ou]]
Hi [[PG]], could you forward me [[PF]]'s new email address?
Please reach out to [[PF]] in [[Gc]] if you have questions about the invoice.
Thank you, [[PG]]. I'll let [[PG]] know the meeting moved to [[DAY]].
With best wishes from [[G]], [[PF]]
Dear [[PF]], congratulations on your admission to [[Ou]].
Hi team, [[PG]] is off sick today so [[PG]] will run stand-up.
Looping in Dr. [[PS]] from [[Oh]], who can answer the clinical questions.
Yours sincerely, [[PF]], Managing Director, [[Oc]]
Hi [[PG]], the courier from [[Oc]] left the parcel at the [[Gc]] depot.
Dear Mrs. [[PSf]], thank you for your patience while we reviewed your claim.
Sent on behalf of [[PF]], Office of the Registrar, [[Ou]]
# --- support tickets
Ticket #[[NUM]]: customer [[PF]] reports that invoices from [[Oc]] are missing VAT.
Caller [[PF]] from [[Gc]] cannot log in to the customer portal after the update.
Escalated by [[PG]]: order shipped to [[Gc]] instead of [[Gc]].
User [[PF]] (account at [[Oc]]) says the Android app crashes when uploading a PDF.
Issue: [[Oc]] was charged twice for the [[MONTH]] subscription. Contact: [[PF]].
Priority P2 – [[PF]] in [[Gc]] reports the router reboots every night.
Assigned to [[PG]]. Customer is [[PF]] from [[Oc]]; wants a callback before [[DAY]].
Ms. [[PSf]] called again about her parcel stuck in customs in [[Gc]].
Resolution: reset password for [[PF]] and confirmed via SMS.
Ticket reopened – [[PF]]'s delivery to the [[Gc]] warehouse is still pending.
Complaint from [[Oc]]: the technician sent by [[Oc]] never arrived in [[Gc]].
Refund approved by [[PG]] for an order placed from [[G]]; notify [[PF]].
Internal note: Mr. [[PSm]] prefers phone calls, not email. Based in [[Gc]].
Customer [[PF]] wants to transfer the contract from [[Gc]] to [[Gc]].
Duplicate of #[[NUM]] raised by [[PF]] at [[Oh]]; closing this one.
SLA breached on the [[Oc]] account – [[PG]] please call [[PF]] today.
# --- chat messages (lower case, typos, little punctuation)
hey [[PGl]] u coming to the thing tonight
lol [[PGl]] forgot the laptop again
can someone ping [[PFl]] abt the deploy
omw to [[Gl]] with [[PGl]] see u there
[[PGl]] said the meeting got moved to thurs
did [[PGl]] ever send the slides from [[O]]??
tell [[PG]] i said thx for the ride
anyone know if [[PFl]] still works at [[Ol]]
ok so [[PGl]] and [[PGl]] r both out tmrw
just landed in [[Gl]] wifi is terrible
hahaha [[PGl]]'s dog ate the charger
yo [[PG]] whats the wifi pasword
pls dont tell [[PGl]] about the surprise party
[[PGl]] can u cover my shift sat im stuck in [[Gl]]
brb calling [[PGl]]
wait is [[PFl]] the one from [[Gl]] or the other one
thx [[PG]] ur a lifesaver
gm everyone [[PG]] is bringing snacks today
i think [[PG]] moved to [[G]] last yr
is [[PG]] still at [[Oc]] or did they leave
meeting w [[PG]] moved to 3pm pls update the calendar
[[PGl]] teh report is in the shared drive
congrats [[PGl]]!!! so deserved
who invited [[PFl]] to the standup lol
# --- meeting notes
Attendees: [[PF]], [[PF]], [[PF]]. Apologies: [[PF]].
Action: [[PG]] to send the revised budget to [[Oc]] by [[DAY]].
Minutes – [[PF]] chaired; [[PF]] presented the [[G]] pilot results.
Decision: [[PG]] and [[PG]] will visit the [[Gc]] plant in [[MONTH]].
Notes from sync with [[Oc]]: [[PF]] raised concerns about the [[G]] launch.
AOB: [[PF]] is leaving; [[PF]] takes over the [[G]] accounts.
Present: [[PG]] (chair), [[PG]], [[PG]]; remote: [[PF]] from [[Gc]].
[[PF]] walked us through the Q3 numbers; [[PS]]'s team in [[Gc]] is ahead of target.
Follow-ups: [[PG]] – vendor shortlist; [[PG]] – legal review with [[Oc]].
Retro: [[PG]] suggested we drop the [[PROD]] dashboards; [[PG]] disagreed.
Board call: [[PF]] (CFO) confirmed funding from [[On]] for the [[G]] programme.
Interview panel: [[PF]], [[PF]]; candidate: [[PF]].
1:1 with [[PG]] – wants to relocate to [[G]] next year.
Workshop in [[Gc]] facilitated by [[PF]] of [[On]].
Steering committee: [[PF]] ([[Oc]]), [[PF]] ([[Oa]]), [[PF]] ([[Ou]]).
# --- CRM / CSV / JSON / other structured fragments
{"name": "[[PF]]", "city": "[[Gc]]", "company": "[[Oc]]"}
[[PF]],[[Gc]],[[Oc]],active
{"first_name": "[[PG#1]]", "last_name": "[[PS#1]]", "employer": "[[Oc]]"}
contact_name=[[PF]]; org=[[O]]; region=[[Gr]]
"assignee": "[[PF]]", "team": "Platform", "location": "[[Gc]]"
[[PS#1]], [[PG#1]] | [[Gc]] | [[Oc]] | lead score [[NUM]]
row [[NUM]]: [[PF]]; [[Oc]]; [[G]]
{"patient": "[[PF]]", "facility": "[[Oh]]", "ward": "B3"}
Lead: [[PF]] | Company: [[Oc]] | Source: webinar | Region: [[Gr]]
<contact><name>[[PF]]</name><city>[[Gc]]</city></contact>
"billing_name": "[[PF]]", "billing_city": "[[Gc]]", "vat_id": "pending"
owner: [[PG]] | status: Won | account: [[Oc]] ([[Gc]])
["[[PF]]", "[[PF]]", "[[PF]]"]
name: [[PF]], employer: [[O]], based_in: [[G]]
SELECT * FROM customers WHERE city = '[[Gc]]' AND name = '[[PF]]';
{"donor": "[[PF]]", "pledged_to": "[[On]]", "currency": "EUR"}
# --- HR and medical notes
HR note: [[PF]] requested parental leave from [[MONTH]]; approved by [[PG]].
Patient [[PF]], 54, referred from [[Oh]] with chest pain.
Dr. [[PS]] reviewed the MRI and recommends physiotherapy closer to home in [[Gc]].
Performance review for [[PF]]: exceeded targets for the [[G]] region.
[[PF]] was admitted to [[Oh]] on [[DAY]] after a fall at home.
Onboarding checklist for [[PF]] (starts [[DAY]], [[Gc]] office): laptop, badge, [[PROD]] access.
Reference check: [[PF]] worked under [[PF]] at [[Oc]] from 2017 to 2021.
Nurse [[PG]] noted that the patient's blood pressure improved overnight.
Exit interview – [[PF]] is moving to [[Oc]] in [[Gc]].
Sick note for [[PF]] signed by Dr. [[PS]], [[Oh]].
Relocation allowance approved for [[PF]] (from [[Gc]] to [[Gc]]).
Mrs. [[PSf]] has a penicillin allergy; her daughter [[PGf]] is the emergency contact.
Disciplinary meeting with [[PF]] postponed; union rep [[PF]] unavailable.
Discharge summary: [[PF]] to continue physiotherapy at [[Oh]].
Visa sponsorship for [[PF]] is pending with [[Oa]].
Mr. [[PSm]] reports dizziness since [[DAY]]; his GP is Dr. [[PS]].
# --- travel plans
Flight from [[Gc]] to [[Gc]] on [[DAY]], then the train to [[Gc]].
[[PF]] and I are driving from [[Gc]] to [[Gc]] over the long weekend.
Hotel in [[Gc]] booked under [[PF]]; confirmation sent by [[Oc]].
Day 3: ferry to [[Gc]], lunch with [[PG]]'s cousins, overnight in [[Gc]].
Pick up [[PF]] at [[Gc]] airport at 6:40 and drop the bags at the hotel.
Our guide in [[G]] will be [[PF]] from [[Oc]].
Itinerary for Prof. [[PS]]: arrive in [[Gc]] on Tuesday, lecture at [[Ou]] on Wednesday.
Can we stop in [[Gc]] on the way back? [[PG]] knows a good guesthouse there.
The layover in [[Gc]] is nine hours, so [[PG]] suggested visiting the old town.
Visa appointment for [[PF]] at the consulate in [[Gc]] is on [[DATE]].
Car rental from [[Oc]] in [[Gc]], returning in [[Gc]].
Two nights in [[G]], then a bus to [[Gc]] where [[PF]] will meet us.
# --- invoices
Invoice [[INV]] issued by [[Oc]] to [[Oc]], [[Gc]].
Bill to: [[PF]], [[Oc]], [[Gc]]
Payment received from [[PF]] on behalf of [[Oc]].
Remit to [[Oc]], account holder [[PF]], branch [[Gc]].
Invoice for consulting services provided to [[Oa]] in [[Gc]] during [[MONTH]].
Please settle invoice [[INV]] from [[Oc]] before the end of [[MONTH]]; queries to [[PF]].
Credit note issued to [[PF]] for the cancelled booking in [[Gc]].
Ship to: [[PF]], c/o [[Oc]], [[Gc]]
Supplier: [[Oc]] ([[G]]). Approved by: [[PF]].
Overdue notice sent to [[Oc]]; contact person Mr. [[PSm]].
# --- other
[[On]] opened a new field office in [[Gc]] last spring.
The [[Gc]] branch of [[Oc]] is hiring two data engineers.
[[PF]], a nurse at [[Oh]], received the award for twenty years of service.
Grant application submitted to [[On]] by [[PF]] of [[Ou]].
Students from [[Ou]] visited the [[Oc]] plant near [[Gc]].
[[PF]]'s thesis at [[Ou]] compared rainfall in [[G]] and [[G]].
Form: Name [[PF]] · Employer [[O]] · Province [[Gr]]
Emergency contact: [[PF]] (partner), lives in [[Gc]].
Reminder: [[PG]]'s farewell lunch is at the [[Gc]] office on [[DAY]].
Tax residency certificate for [[PF]] requested from [[Oa]].
"""

NEG_FRAMES = r"""
Can you convert this [[LANG]] function to [[LANG]] and add type hints?
Grace period for the renewal ends on the last [[DAY]] of [[MONTH]].
Will the [[ROLE]] approve the budget before [[MONTH]]?
Mark the ticket as resolved once [[DEPT]] confirms.
Subject: Quarterly Planning Review And Next Steps
Re: Updated Travel Policy For [[MONTH]]
Please export the [[PROD]] report as a CSV and share it in the Slack channel.
The [[ROLE]] asked everyone to join the Zoom call at 9.
May I move our [[DAY]] meeting to the following week?
hey can u send me the [[PROD]] link again
Our [[LANG]] service keeps timing out under load; the [[LANG]] one is fine.
Fw: Invoice Reminder - Action Required
Hope you had a restful weekend and a good start to [[MONTH]].
Draft a job description for a Senior [[ROLE]] with five years of [[LANG]] experience.
Summarise this article about Gaussian processes in plain English.
The patient reports mild headaches since [[DAY]] and no fever.
Update the [[PROD]] dashboard before the [[DEPT]] review.
Ticket #[[NUM]]: Password Reset Link Expired
Write a haiku about autumn rain for the newsletter.
Install [[PROD]] on the new laptop and enable two-factor login.
Frank feedback from the pilot users was mostly positive.
Hunter green is the colour we picked for the new packaging.
Bill the client for three hours and attach the timesheet.
Chase the supplier if the parts have not arrived by [[DAY]].
Hope this helps, and let me know if anything in the [[PROD]] guide is unclear.
Grant access to the staging database for the new [[ROLE]].
The [[DEPT]] team switched from [[PROD]] to [[PROD]] in [[MONTH]].
Explain the difference between a Boolean flag and an enum in [[LANG]].
Meeting notes: agreed to freeze the scope, revisit on [[DAY]].
Dear Customer, Your Order Has Been Dispatched
lol the [[PROD]] update broke everything again
Please book a table for six on [[DAY]] evening, somewhere quiet.
Our [[ROLE]] recommends a Mediterranean diet and more sleep.
Add ISO 8601 timestamps to every log line and keep it GDPR-compliant.
Page through the results and flag anything older than [[MONTH]].
Baker's yeast, flour and salt are on the shopping list.
Set the font to Georgia and the margins to 2 cm.
Which is faster for this task, [[LANG]] or [[LANG]]?
The Monte Carlo simulation took four hours on the cluster.
Reminder: Annual Leave Requests Due By [[MONTH]] 15
Invoice total: 1,240.00 Swiss francs, payable within 30 days.
Can the [[ROLE]] sign off on the [[PROD]] licence renewal?
ok sounds good see u [[DAYl]]
Translate "Happy New Year" into Portuguese and Turkish.
Patient advised to avoid Turkish coffee and energy drinks for a week.
Sprint Goal: Migrate Billing To [[PROD]]
Attendees: [[ROLE]], [[ROLE]], [[DEPT]] lead. Apologies: none.
{"status": "closed", "priority": "low", "channel": "email", "ticket": [[NUM]]}
Status: Pending Approval From [[DEPT]]
Will you be joining the Christmas party or working from home?
Rust or Go for the new ingest service? Asking for the [[DEPT]] team.
Join Us For The [[MONTH]] Town Hall
Please ask the Doctor on call to review the discharge letter.
Write a SQL query that returns all orders from [[MONTH]] with a total above [[NUM]].
New comment on your Figma file: "Love the new colours!"
Summer interns start on the first [[DAY]] after Easter.
Can you recommend a good Pythagorean theorem explainer for kids?
The Board meets every second [[DAY]] of the month.
Weekly Digest: Top Stories From Your [[PROD]] Workspace
brb lunch then ill fix the [[LANG]] build
Happy Friday everyone, the coffee machine on level 3 is fixed.
Could you write release notes for version [[NUM]] of the [[PROD]] plugin?
Quick question about the [[MONTH]] payroll run – is it still on the 25th?
Title: How To Reset Your Router In Five Easy Steps
Refactor this [[LANG]] class so it follows the single-responsibility principle.
The [[ROLE]] wants the audit pack by [[DAY]] noon.
omg the [[PROD]] outage is still going
Patient is a 67-year-old retired teacher with type 2 diabetes.
Your Booking Is Confirmed: Check-In From 3 PM
Please add a Christmas Eve half day to the [[DEPT]] calendar.
Compare Kafka and Pulsar for event streaming in a short table.
Write a cover letter for a junior [[ROLE]] position, no names please.
Sunday Brunch Menu: Eggs Benedict, Waffles And Fresh Juice
Reschedule the dentist to next [[DAY]] morning if possible.
Does the Swift SDK support background uploads on iOS?
Order #[[NUM]] contains two items and ships in three business days.
Please don't include any personal data in the [[PROD]] export.
can we push the retro to [[DAYl]] im swamped
New Year's resolutions for the team: fewer meetings, better docs.
The Caesar salad at the canteen is surprisingly good.
Victoria sponge and Earl Grey tea will be served at 4.
Subject: Welcome Aboard – Your First Week At A Glance
"""

# ---------------------------------------------------------------------------
PH_RE = re.compile(r"\[\[([A-Za-z]+)(?:#(\d+))?\]\]")


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.persons = parse_persons()
        self.orgs = [{"s": s.strip(), "k": k, "uses": 0}
                     for k, b in ORGS.items() for s in b.strip().splitlines() if s.strip()]
        self.gpes = [{"s": s.strip(), "k": k, "uses": 0}
                     for k, b in GPES.items() for s in b.strip().splitlines() if s.strip()]
        self.surface = Counter()   # inserted entity strings, each at most twice
        self.check_pools()

    def check_pools(self):
        fulls = [p["full"] for p in self.persons]
        assert len(fulls) == len(set(fulls)), "duplicate person"
        for lst, what in ((self.orgs, "org"), (self.gpes, "gpe")):
            ss = [o["s"] for o in lst]
            dup = [s for s, c in Counter(ss).items() if c > 1]
            assert not dup, (what, dup)
        for p in self.persons:
            for tok in re.split(r"[ \-]", p["full"].replace(p["sur"], "")):
                assert tok.lower() not in COMMON_ENGLISH_GIVEN, ("common English name", p["full"])
            if p["given"]:
                assert p["full"].find(p["given"]) >= 0
            assert p["sur"] in p["full"]

    # -- choosing entries ---------------------------------------------------
    def _choose(self, cands, used_in_sentence):
        cands = [c for c in cands if c["uses"] < 2 and id(c) not in used_in_sentence]
        if not cands:
            raise RuntimeError("pool exhausted")
        low = min(c["uses"] for c in cands)
        return self.rng.choice([c for c in cands if c["uses"] == low])

    def person_surface(self, rec, form, lower):
        s = {"F": rec["full"], "G": rec["given"], "S": rec["sur"]}[form]
        return s.lower() if lower else s

    def fill(self, frame):
        """Return (text, spans, picked) without committing usage."""
        placeholders = list(PH_RE.finditer(frame))
        used = set()
        picked = []
        coref = {}
        # forms needed by each coreference key
        need = {}
        for m in placeholders:
            if m.group(2):
                need.setdefault(m.group(2), set()).add(m.group(1)[1])
        out, spans, pos = [], [], 0
        skip_dot = False
        for m in placeholders:
            lit = frame[pos:m.start()]
            if skip_dot and lit.startswith("."):
                lit = lit[1:]
            skip_dot = False
            out.append(lit)
            code, key = m.group(1), m.group(2)
            label, value = None, None
            if re.fullmatch(r"P[FGS][fml]*", code):
                form = code[1]
                mods = code[2:]
                gender = "f" if "f" in mods else "m" if "m" in mods else None
                lower = "l" in mods
                if key and key in coref:
                    rec = coref[key]
                else:
                    forms = need.get(key, {form}) if key else {form}
                    cands = [p for p in self.persons
                             if (gender is None or p["gender"] == gender)
                             and all(f != "G" or p["given"] for f in forms)
                             and all(self.surface[self.person_surface(p, f, lower)] < 2
                                     for f in forms)]
                    rec = self._choose(cands, used)
                    used.add(id(rec))
                    picked.append(rec)
                    if key:
                        coref[key] = rec
                value = self.person_surface(rec, form, lower)
                label = "PERSON"
            elif re.fullmatch(r"O[cuhnal]?", code):
                kind = code[1:] or "any"
                if kind == "l":
                    cands = [o for o in self.orgs if o["k"] == "c"
                             and re.fullmatch(r"[A-Za-z]+( [A-Za-z]+)?", o["s"])]
                elif kind == "any":
                    cands = list(self.orgs)
                else:
                    cands = [o for o in self.orgs if o["k"] == kind]
                cands = [o for o in cands if self.surface[o["s"]] < 2]
                rec = self._choose(cands, used)
                used.add(id(rec)); picked.append(rec)
                value = rec["s"].lower() if kind == "l" else rec["s"]
                label = "ORG"
            elif re.fullmatch(r"G[clr]?", code):
                kind = code[1:]
                if kind in ("c", "l"):
                    cands = [g for g in self.gpes if g["k"] == "c"]
                elif kind == "r":
                    cands = [g for g in self.gpes if g["k"] == "r"]
                else:
                    cands = list(self.gpes)
                cands = [g for g in cands if self.surface[g["s"]] < 2]
                rec = self._choose(cands, used)
                used.add(id(rec)); picked.append(rec)
                value = rec["s"].lower() if kind == "l" else rec["s"]
                label = "GPE"
            else:
                value = self.filler(code)
            start = sum(len(x) for x in out)
            out.append(value)
            if label:
                spans.append((label, start, start + len(value), value))
            skip_dot = value.endswith(".")
            pos = m.end()
        lit = frame[pos:]
        if skip_dot and lit.startswith("."):
            lit = lit[1:]
        out.append(lit)
        return "".join(out), spans, picked

    def filler(self, code):
        r = self.rng
        if code == "LANG": return r.choice(LANGS)
        if code == "PROD": return r.choice(PRODS)
        if code == "MONTH": return r.choice(MONTHS)
        if code == "DAY": return r.choice(DAYS)
        if code == "DAYl": return r.choice(DAYS).lower()
        if code == "ROLE": return r.choice(ROLES)
        if code == "DEPT": return r.choice(DEPTS)
        if code == "NUM": return str(r.randint(1000, 99999))
        if code == "INV": return "INV-%d-%04d" % (r.choice([2023, 2024, 2025]), r.randint(1, 9999))
        if code == "DATE": return "%d %s" % (r.randint(1, 28), r.choice(MONTHS))
        raise KeyError(code)

    def commit(self, spans, picked):
        for rec in picked:
            rec["uses"] += 1
        for _, _, _, v in spans:
            self.surface[v] += 1


def frames(block):
    return [l for l in (x.strip() for x in block.strip().splitlines())
            if l and not l.startswith("# ---")]


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def verify(text, spans):
    assert "\t" not in text and "\n" not in text and "\r" not in text, text
    assert unicodedata.normalize("NFC", text) == text, text
    assert all(ord(ch) <= 0xFFFF for ch in text), text  # BMP only: code points == UTF-16 units
    last_end = -1
    for label, s, e, v in spans:
        assert label in ("PERSON", "ORG", "GPE")
        assert text[s:e] == v, (text, v)
        assert v == v.strip() and v, (text, v)
        assert s >= last_end, ("overlap", text)
        last_end = e
        assert s == 0 or not text[s - 1].isalnum(), ("left boundary", text, v)
        assert e == len(text) or not text[e].isalnum(), ("right boundary", text, v)
        assert not v.endswith("'s"), (text, v)


def main():
    gen = Gen(SEED)
    ent_frames = frames(FRAMES)
    neg_frames = frames(NEG_FRAMES)
    rows, seen = [], set()
    frame_uses = Counter()

    # sentences with entities: round-robin over shuffled frames
    n_pos = N_TOTAL - N_NEGATIVE
    order = []
    while len(order) < n_pos * 2:
        batch = ent_frames[:]
        gen.rng.shuffle(batch)
        order.extend(batch)
    i = 0
    while sum(1 for r in rows if r[1]) < n_pos:
        frame = order[i]; i += 1
        for _ in range(5):
            text, spans, picked = gen.fill(frame)
            if text not in seen:
                break
        else:
            continue
        verify(text, spans)
        gen.commit(spans, picked)
        seen.add(text)
        frame_uses[frame] += 1
        rows.append((text, spans))

    # negatives
    negs = []
    order = []
    while len(order) < N_NEGATIVE * 6:
        batch = neg_frames[:]
        gen.rng.shuffle(batch)
        order.extend(batch)
    for frame in order:
        if len(negs) == N_NEGATIVE:
            break
        text, spans, _ = gen.fill(frame)
        assert not spans
        if text in seen:
            continue
        verify(text, spans)
        seen.add(text)
        frame_uses[frame] += 1
        negs.append((text, []))
    assert len(negs) == N_NEGATIVE, len(negs)
    rows.extend(negs)
    gen.rng.shuffle(rows)
    assert len(rows) == N_TOTAL

    # every pool entry at most twice
    for lst in (gen.persons, gen.orgs, gen.gpes):
        assert all(x["uses"] <= 2 for x in lst)
    assert all(c <= 2 for c in gen.surface.values())

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for text, spans in rows:
            # offsets in UTF-16 code units
            enc = ";".join("%s:%d:%d" % (lab, utf16_len(text[:s]), utf16_len(text[:e]))
                           for lab, s, e, _ in spans)
            f.write(text + "\t" + enc + "\n")

    # re-read and re-verify the written file
    with open(OUT, encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[-1] == "" and len(lines) - 1 == N_TOTAL
    for line in lines[:-1]:
        text, enc = line.split("\t")
        u16 = text.encode("utf-16-le")
        for sp in filter(None, enc.split(";")):
            lab, s, e = sp.split(":")
            s, e = int(s), int(e)
            frag = u16[2 * s:2 * e].decode("utf-16-le")
            assert frag and frag == frag.strip(), (line, sp)

    if "--stats" in sys.argv:
        stats(rows, gen, ent_frames, neg_frames, frame_uses)
    print("wrote %s (%d sentences)" % (OUT.name, len(rows)))


def stats(rows, gen, ent_frames, neg_frames, frame_uses):
    per_type = Counter()
    distinct = {"PERSON": set(), "ORG": set(), "GPE": set()}
    lower_sent = 0
    lower_mentions = 0
    for text, spans in rows:
        has_lower = False
        for lab, s, e, v in spans:
            per_type[lab] += 1
            distinct[lab].add(v)
            if lab == "PERSON" and v == v.lower():
                lower_mentions += 1
                has_lower = True
        lower_sent += has_lower
    print("sentences", len(rows))
    print("with entities", sum(1 for r in rows if r[1]), "negatives", sum(1 for r in rows if not r[1]))
    print("entity frames", len(ent_frames), "negative frames", len(neg_frames),
          "frames used", len(frame_uses))
    print("spans", dict(per_type), "total", sum(per_type.values()))
    print("distinct", {k: len(v) for k, v in distinct.items()},
          "total", sum(len(v) for v in distinct.values()))
    print("lower-case PERSON mentions", lower_mentions, "sentences", lower_sent)
    print("pool sizes: persons %d, orgs %d, gpes %d" % (len(gen.persons), len(gen.orgs), len(gen.gpes)))
    print("pool entries used: persons %d, orgs %d, gpes %d" % (
        sum(1 for p in gen.persons if p["uses"]), sum(1 for p in gen.orgs if p["uses"]),
        sum(1 for p in gen.gpes if p["uses"])))
    print("cultures used", len({p["culture"] for p in gen.persons if p["uses"]}))
    poss = sum(1 for t, sp in rows for lab, s, e, v in sp if lab == "PERSON" and t[e:e + 2] == "'s")
    print("possessive PERSON mentions", poss)
    titled = sum(1 for t, sp in rows for lab, s, e, v in sp
                 if lab == "PERSON" and re.search(r"(Dr|Mr|Ms|Mrs|Prof)\. $", t[:s]))
    print("PERSON after title", titled)
    multi = Counter(len(sp) for t, sp in rows)
    print("spans per sentence", dict(sorted(multi.items())))


if __name__ == "__main__":
    main()
