#!/usr/bin/env python3
"""Generator for ner-train-b.tsv (PERSON / ORG / GPE training data, set "b").

Focus: informal and technical text -- chat messages, @mentions, Slack-style
threads, code comments, commit messages, PR reviews, bug reports, on-call
handovers, meeting notes, standups and calendar entries -- plus ~20% hard
negatives (languages, tools and products that look like names, months,
weekdays, job titles, capitalised words at sentence start).

Deterministic: stdlib only, fixed seed.  Run:

    python3 ner-train-b.gen.py            # writes ner-train-b.tsv next to this file
    python3 ner-train-b.gen.py OUT.tsv    # writes somewhere else

Output line format: <text>\t<spans>, spans ';'-separated TYPE:start:end,
0-based, end exclusive, UTF-16 code units (every character is in the BMP, so
these equal Python string indices).  Every span is verified before writing.
"""

import os
import random
import re
import sys
import unicodedata
from collections import Counter

SEED = 20240611
N_TOTAL = 800
NEG_SHARE = 0.20


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------
# PERSON pool.
#   "Given|Surname"        -> full "Given Surname", short "Given", title form "Surname"
#   "^Surname|Given"       -> surname-first name: full "Surname Given", short "Given"
#   "=Full|Short|Surname"  -> explicit forms
#   "M:Name"               -> mononym (all three forms equal)
# --------------------------------------------------------------------------
PERSON_SPEC = """
Nkechi|Okafor
Chinonso|Eze
Oluwaseun|Adeyemi
Folasade|Ogunleye
Kwabena|Asante
Akosua|Boateng
Yaw|Darko
Tendai|Moyo
Rutendo|Chikwanha
Wanjiru|Kamau
Otieno|Odhiambo
Achieng|Owino
Thandiwe|Dlamini
Sipho|Ndlovu
Lindiwe|Mahlangu
Mamadou|Diallo
Aïssatou|Sow
Ousmane|Traoré
Fatoumata|Keïta
Yohannes|Tesfaye
Meseret|Alemu
Abdirahman|Warsame
Hodan|Farah
Babajide|Ogundipe
Ngozi|Chukwuma
Kagiso|Molefe
Zanele|Khumalo
=Nana Ama Mensah-Bonsu|Nana Ama|Mensah-Bonsu
Chidera|Nwachukwu
Esi|Quaye
Obiageli|Nnamdi
Kofi|Agyemang-Duah
Nomvula|Sithole
Tsegaye|Bekele
Amadou|Ba
Rashid|al-Nuaimi
=Noura bint Faleh|Noura|bint Faleh
Lamia|Haddad
Tariq|El-Amin
Yousef|Barakat
Samira|Bouazza
Hessa|Al Marri
Ziad|Khoury
Nabil|Benali
Nadira|Mansour
Hisham|el-Sayed
Dalia|Abdelrahman
Walid|Qasim
=Suhail bin Hamdan|Suhail|bin Hamdan
Lubna|Al-Kindi
Mounir|Tahiri
Ghada|Nasrallah
Bassam|Shaheen
Jumana|Darwish
=Idris ben Youssef|Idris|ben Youssef
Rim|Jaber
Salma|al-Qahtani
Anwar|Zayani
Munira|Abu Ghazaleh
Shirin|Tehrani
Dariush|Karimi
Parisa|Rostami
Kaveh|Farahani
Niloufar|Jafari
Behnam|Sadeghi
Mahsa|Ghorbani
Arash|Mohammadi
Golnaz|Ebrahimi
Siavash|Nouri
Roya|Hosseini
Farzad|Amini
Laleh|Moradi
Kourosh|Bahrami
Ladan|Ansari
Ananya|Iyer
Raghav|Menon
Priyanka|Deshpande
Vikramaditya|Rathore
Shreya|Kulkarni
Anshuman|Chattopadhyay
Meenakshi|Sundaram
=Harpreet Kaur Sandhu|Harpreet|Sandhu
Gurpreet|Gill
Tanvir|Hossain
Nusrat|Jahan
Kasun|Perera
Dilini|Wickramasinghe
Sanjeewa|Jayasuriya
Aadesh|Bhattarai
Pooja|Shrestha
Imran|Qureshi
Ayesha|Siddiqui
Farhan|Chaudhry
Lakshmi|Narayanan
Venkatesh|Subramanian
Devika|Pillai
Rohit|Banerjee
Nandini|Raghunathan
=S. P. Venkataraman|Venkataraman|Venkataraman
=M. N. Krishnamurthy|Krishnamurthy|Krishnamurthy
=T. S. Gopalan|Gopalan|Gopalan
=K. Bhavani|Bhavani|Bhavani
Anirudh|Vaidyanathan
Sreeja|Nambiar
^Liang|Xiaoyu
^Zhou|Yiming
^Huang|Meiling
^Chen|Jiahao
^Xu|Ruoxi
^Deng|Haoran
^Gao|Shufen
^Morikawa|Ayane
^Takeda|Shunsuke
^Kobayashi|Mizuki
^Fujiwara|Ren
^Ishikawa|Haruka
^Seo|Ji-woo
^Park|Min-jun
^Hwang|Soo-ah
^Yoon|Hae-won
^Kang|Dong-hyun
^Lim|Ye-jin
^Tsai|Pei-ling
^Lau|Wing-kei
^Chan|Ho-yin
^Bai|Lanfang
^Otsuka|Kotone
Kazuhiro|Okabe
Haruto|Sasaki
Jiwon|Baek
=Trần Minh Khoa|Khoa|Trần
=Phạm Thu Hà|Hà|Phạm
=Lê Quang Vinh|Vinh|Lê
=Nguyễn Bảo Ngọc|Ngọc|Nguyễn
=Đỗ Thanh Tùng|Tùng|Đỗ
Maricel|Dimaculangan
Rodelio|Bautista
Kristine Joy|Macaraeg
Arnel|de la Paz
Ligaya|Santos-Dela Cruz
Jun-jun|Villareal
Kittipong|Srisawat
Pimchanok|Wongsuwan
Anucha|Thongchai
M:Sukarni
M:Sumarni
Dewi|Lestari
Bayu|Prasetyo
Rini|Handayani
Agus|Setiawan
=Farah Aqilah binti Ramli|Aqilah|binti Ramli
=Hafiz bin Osman|Hafiz|bin Osman
=Syafiq bin Rosli|Syafiq|bin Rosli
=Thandar Hlaing|Thandar|Hlaing
^Chea|Sokha
=Aung Ko Latt|Ko Latt|Aung Ko Latt
Łukasz|Wróblewski
Agnieszka|Zielińska
Bartosz|Kowalczyk
Zofia|Dąbrowska
Yaroslav|Melnyk
Oksana|Hrytsenko
Bohdan|Kravchuk
Svetlana|Voronina
Gennady|Kuznetsov
Milica|Jovanović
Dragan|Petrović
Dženana|Hadžić
Vesna|Kovačević
Tomáš|Dvořák
Kateřina|Novotná
Miroslav|Horváth
Jelena|Marković
Stanislav|Bogdanov
Radka|Ivanova
Ljubomir|Stojanov
Ksenia|Orlova
Wojciech|Szymański
Jūratė|Kazlauskienė
Mindaugas|Petrauskas
Rūta|Vaitkutė
Kęstutis|Žukauskas
Ilze|Bērziņa
Mārtiņš|Ozols
Kristaps|Liepiņš
Liene|Kalniņa
Tõnu|Tamm
Kadri|Saar
Priit|Kask
Triin|Mägi
Gintarė|Jankauskaitė
Sigrún|Björnsdóttir
Þórdís|Gunnarsdóttir
Eirik|Haugland
Solveig|Rønning
Torbjørn|Aasen
Ingeborg|Sæther
Halvard|Nygaard
Aslak|Sara
Maren|Sørensen
Jukka|Virtanen
Aino|Heikkinen
Tuomas|Lehtonen
Saga|Lindqvist
Hjalmar|Ekström
Frida|Åkesson
Oskar|Wikström
Birgitta|Holm
Ragnhild|Fjeldstad
Xochitl|Huerta
Anselmo|Barrientos
Itzel|Quintero
Mauricio|Echeverría
Yesenia|Paredes
Florencia|Aguirre
Baltasar|Villalobos
Yanina|Cárdenas
Eusebio|Saucedo
Maite|Ocampo
Caíque|Bezerra
Luana|Cavalcanti
João Pedro|Fagundes
Marcela|de la Fuente
Rodrigo|dos Santos
Macarena|Bustamante
Nahuel|Fernández
Anahí|Benítez
Wilmer|Céspedes
Yolanda|Chuquimia
Maribel|Espinoza Quispe
Facundo|Arriola
Iara|Guimarães
Ikaika|Kahananui
Pualani|Makoa
Sione|Tupou
Mele|Fifita
Losana|Naivalu
Tevita|Havili
Aroha|Ngata
Tamati|Walker
Wiremu|Te Rangi
Mereana|Parata
Pita|Faleolo
Seini|Taumalolo
Kalani|Akana
Tui|Aumua
Manaia|Tuilagi
Kanoa|Keawe
Tokala|Redcloud
Aiyana|Begay
Nizhoni|Yazzie
Jarrah|Mununggurr
Yindi|Marika
Nuvua|Akeeagok
Kanen|Deer
Wahkan|Tsosie
Aoife|Ó Súilleabháin
=Siobhán Ní Bhriain|Siobhán|Ní Bhriain
Cathal|Mac Giolla Bhríde
Pádraig|Ó Murchú
Ruairí|McGonigle
Ffion|Llewellyn
Iestyn|Prydderch
Floor|van der Meulen
Joost|de Wit
Sanne|ter Horst
Bram|van den Broek
Els|Verhaegen
Wouter|Claes
Friedemann|von Arnim
Annegret|Schüttler
Quirin|Obermaier
Ludovica|Bernasconi
Gianmarco|Di Stefano
Ottavia|Lo Bianco
Iñaki|Etxeberria
Ainhoa|Goikoetxea
Montserrat|Puigdomènech
Xoán|Outeiro
Leonor|de Sousa Tavares
Gonçalo|Magalhães
Solène|Le Goff
Gwenaëlle|Kerjean
Benoît|Lefebvre
Capucine|Duhamel
Ioana|Bălan
Răzvan|Ionescu
Zsófia|Kertész
Bence|Szalai
Eleftheria|Papadaki
Stavros|Konstantinidis
Doğan|Yıldırım
Emre|Kılıç
Eilidh|MacLeod
Ruaridh|Fraser
Ève-Lyne|Gagnon-Roy
Karl-Heinz|Brüggemann
Jean-Baptiste|Delacroix
Hanne-Lore|Vogelsang
Marit|Bakke-Olsen
Tjitske|Hoekstra
Griet|Van Acker
Mathis|d'Aubigné
Giedrė|Mockutė
Tiimu|Laitinen
Oddný|Ragnarsdóttir
Ewurabena|Otoo
Chiamaka|Obi-Nwosu
Dumisani|Zungu
Baraka|Mwakasege
Neema|Mushi
Halima|Abubakar
Mustafa|Hamdoun
Reem|Al-Sabah
Rehaan|Mirza
Zoya|Rizvi
Ishaan|Khurana
Niharika|Sethi
Siddharth|Mukherjee
Tashi|Dorji
Pema|Wangmo
Dorjsuren|Batbayar
Altantsetseg|Enkhbold
Aigerim|Seitkali
Nursultan|Abenov
Dilnoza|Karimova
Timur|Yusupov
Anahit|Grigoryan
Tigran|Hovhannisyan
Nino|Beridze
Levan|Kapanadze
Elnur|Mammadov
Gulnara|Aliyeva
Ulugbek|Rakhimov
Mirela|Hoxha
Arben|Krasniqi
Ardit|Berisha
Bogumiła|Sadowska
Hamid|Noorzai-Rahimi
Sultana|Begum
Md.|Rahim Uddin
Ye-seul|Choi
Mi-rae|Oh
Thuy|Vo
Vanna|Sok
Noa|Kealoha
"""


def parse_people(spec):
    people = []
    for line in spec.strip().splitlines():
        line = nfc(line.strip())
        if not line:
            continue
        if line.startswith("M:"):
            n = line[2:]
            people.append((n, n, n))
        elif line.startswith("="):
            full, short, sur = line[1:].split("|")
            people.append((full, short, sur))
        elif line.startswith("^"):
            sur, given = line[1:].split("|")
            people.append((sur + " " + given, given, sur))
        else:
            given, sur = line.split("|")
            if given.endswith("."):  # "Md." style abbreviated given name
                people.append((given + " " + sur, sur, sur))
            else:
                people.append((given + " " + sur, given, sur))
    return people


PEOPLE = parse_people(PERSON_SPEC)

ORGS = [nfc(x) for x in """
Vantiq
Flutterwave
Paystack
Andela
Jumia
MTN Group
Econet Wireless
Ethio Telecom
Dangote Cement
Interswitch
Kuda Bank
Careem
Talabat
Aramex
Emirates NBD
Digikala
Infosys
Wipro
Zoho
Razorpay
Freshworks
Swiggy
Zerodha
Dialog Axiata
Daraz
Gojek
Tokopedia
Traveloka
Globe Telecom
Jollibee Foods Corporation
Ayala Corporation
Rakuten
Mercari
Kakao
Naver
Tencent
Xiaomi
Foxconn
Allegro
CD Projekt
Kaspersky
JetBrains
Pipedrive
Vinted
Klarna
Ericsson
Novo Nordisk
Maersk
Equinor
Supercell
Rovio
Mercado Libre
Nubank
Rappi
Globant
Embraer
Air New Zealand
Fonterra
Xero
Atlassian
Zalando
Bosch
Adyen
Philips
ASML
Médecins Sans Frontières
Oxfam
BRAC
Grameen Bank
Aga Khan Foundation
World Health Organization
UNICEF
African Development Bank
Asian Development Bank
Makerere University
University of Ibadan
Universidad de Antioquia
Aalto University
Vilnius University
Kyoto University
Seoul National University
Ateneo de Manila University
Chulalongkorn University
Universiti Malaya
IIT Bombay
Sharif University of Technology
American University of Beirut
Universidad de Chile
Tecnológico de Monterrey
KTH Royal Institute of Technology
University of Auckland
University of the South Pacific
Aga Khan University Hospital
Groote Schuur Hospital
Apollo Hospitals
Siriraj Hospital
Karolinska University Hospital
Hospital Italiano de Buenos Aires
HM Revenue and Customs
Federal Inland Revenue Service
Statistics Norway
Estonian Tax and Customs Board
Philippine Statistics Authority
Bangko Sentral ng Pilipinas
Reserve Bank of India
Central Bank of Nigeria
South African Revenue Service
Brightwater Analytics GmbH
Tamarind Logistics Pty Ltd
Halcyon Ledger Inc.
Moraine Systems
Obsidian Harbor Capital
Quillmate
Nordlys Data AS
Saltmarsh Robotics
Karoo Solar (Pty) Ltd
Tessellate Health
Baobab Payments Ltd
Kinkajou Software
Larkspur Bio
Pinecrest Mutual
Ironbark Insurance
Mangrove Mobility
Cassowary Labs
Juniper Ridge Credit Union
Tidewater Freight LLC
Ostrander & Vale LLP
Harmattan Energy
Nakaseke Growers Cooperative
Bluefin Telematics S.A.
Kaimai Dairy Ltd
Sakura Kōgyō K.K.
Hanbit Semiconductor Co., Ltd.
Lotus Peak Securities
Anadolu Tekstil A.Ş.
Vistula Mechatronics Sp. z o.o.
Daugava Timber SIA
Fjordline Shipping ASA
Ceiba Biotech S.A. de C.V.
Altiplano Mining SAC
Kuramo Capital
Mbuzi Agritech
Oasis Souk Trading LLC
Zagros Pharma
Indus Valley Textiles Pvt Ltd
Lanka Spice Exporters
Borealis Grid Oy
Tuatara Games
Mauka Health Partners
Red Rock Tribal Health Authority
Hollowpine Studios
Quetzal Payments
Sable & Finch Consulting
Nimbus Ferry Company
""".strip().splitlines()]

PLACES = [nfc(x) for x in """
Cebu
Tbilisi
Eldoret
Mombasa
Lagos
Ibadan
Enugu
Kumasi
Tamale
Accra
Dakar
Bamako
Ouagadougou
Addis Ababa
Mekelle
Hargeisa
Kigali
Bujumbura
Lusaka
Harare
Bulawayo
Gaborone
Windhoek
Durban
Gqeberha
Maputo
Antananarivo
Zanzibar
Dodoma
Arusha
Kampala
Gulu
Casablanca
Oran
Sfax
Alexandria
Muscat
Doha
Manama
Jeddah
Amman
Irbid
Beirut
Basra
Erbil
Isfahan
Shiraz
Tabriz
Mashhad
Herat
Lahore
Faisalabad
Karachi
Chittagong
Sylhet
Kathmandu
Pokhara
Thimphu
Colombo
Jaffna
Kandy
Kochi
Mysuru
Pune
Indore
Guwahati
Bhubaneswar
Chandigarh
Kerala
Tamil Nadu
Assam
Chengdu
Kunming
Xiamen
Harbin
Wuhan
Shenzhen
Hokkaido
Sapporo
Fukuoka
Sendai
Okinawa
Nagoya
Busan
Daegu
Incheon
Taichung
Kaohsiung
Ulaanbaatar
Almaty
Bishkek
Tashkent
Samarkand
Yerevan
Baku
Davao
Iloilo
Bacolod
Da Nang
Huế
Hai Phong
Chiang Mai
Khon Kaen
Penang
Ipoh
Kuching
Sabah
Surabaya
Yogyakarta
Bandung
Makassar
Yangon
Mandalay
Phnom Penh
Vientiane
Dili
Suva
Apia
Port Moresby
Honolulu
Hilo
Rotorua
Dunedin
Tauranga
Hobart
Alice Springs
Kutaisi
Gdańsk
Wrocław
Łódź
Lviv
Kharkiv
Odesa
Brno
Ostrava
Bratislava
Košice
Debrecen
Cluj-Napoca
Timișoara
Plovdiv
Varna
Novi Sad
Niš
Sarajevo
Mostar
Ljubljana
Skopje
Tirana
Thessaloniki
Izmir
Vilnius
Kaunas
Riga
Liepāja
Tartu
Tallinn
Pärnu
Tromsø
Bergen
Trondheim
Umeå
Malmö
Aarhus
Odense
Oulu
Tampere
Reykjavík
Akureyri
Cork
Galway
Aberdeen
Inverness
Cardiff
Swansea
Groningen
Utrecht
Ghent
Leuven
Lyon
Nantes
Toulouse
Bilbao
Seville
Porto
Braga
Bologna
Turin
Bari
Graz
Linz
Basel
Lausanne
Leipzig
Dresden
Bavaria
Saxony
Catalonia
Medellín
Barranquilla
Arequipa
Cusco
Cochabamba
Guayaquil
Valparaíso
Rosario
Mendoza
Montevideo
Asunción
Curitiba
Recife
Fortaleza
Manaus
Porto Alegre
Guadalajara
Oaxaca
Puebla
Tegucigalpa
Quetzaltenango
Port of Spain
Winnipeg
Saskatoon
Iqaluit
Yellowknife
Anchorage
Tucson
Albuquerque
Nebraska
Kenya
Ghana
Rwanda
Estonia
Latvia
Fiji
Samoa
Tonga
Vietnam
Bhutan
Uruguay
Paraguay
Bolivia
Mongolia
Kyrgyzstan
Iceland
Oman
Peru
Lithuania
Senegal
""".strip().splitlines()]

# ---------------- non-entity fillers (never tagged) ----------------
LANGS = ["Julia", "Ruby", "Crystal", "Pascal", "Elixir", "Dart", "Go", "Rust",
         "Swift", "Kotlin", "Scala", "Haskell", "Ada", "Erlang", "Clojure",
         "Perl", "Lua", "Nim", "Zig", "OCaml", "Fortran", "COBOL", "Prolog",
         "Groovy", "Python", "TypeScript"]
TOOLS = ["Kubernetes", "Jenkins", "Grafana", "Kibana", "Jira", "Confluence",
         "Sentry", "Airflow", "Terraform", "Ansible", "Helm", "Django", "Flask",
         "Rails", "Laravel", "Cassandra", "Redis", "Postgres", "Elasticsearch",
         "Gradle", "Docker", "Prometheus", "Loki", "Jaeger", "Celery", "Pandas",
         "NumPy", "Jupyter", "Selenium", "Cypress", "Playwright", "Puppeteer",
         "Hugo", "Jekyll", "Nginx", "Kafka", "Flink", "Spark", "Hadoop", "Trino",
         "Presto", "Superset", "Metabase", "Vault", "Consul", "Nomad", "Argo CD",
         "Istio", "Envoy", "Keycloak", "Zookeeper", "Camunda", "Mockito", "JUnit",
         "Lombok", "Hibernate", "Quarkus", "Netty", "Tomcat", "Jetty", "Traefik",
         "Sidekiq", "Solr", "Lucene", "Hudson"]
PRODUCTS = ["Excel", "Zoom", "Slack", "Teams", "Outlook", "Notion", "Figma",
            "Miro", "Loom", "iPhone", "Pixel", "ThinkPad", "Raspberry Pi",
            "Alexa", "Siri", "Cortana", "Bixby", "Copilot", "WhatsApp",
            "Telegram", "Signal", "Discord", "M-Pesa", "GCash", "PowerPoint",
            "Google Sheets", "Keynote", "Trello"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "mon", "tues", "wed", "thurs", "fri"]
ROLES = ["Head of Sales", "Product Manager", "Staff Engineer", "SRE lead",
         "Tech Lead", "Engineering Manager", "the Director", "CFO",
         "VP of Engineering", "Scrum Master", "QA lead", "Principal Architect",
         "Data Protection Officer", "the new intern", "Release Manager"]
DEPTS = ["HR", "Finance", "Legal", "Marketing", "Procurement", "Security",
         "the Platform team", "the Payments squad", "Growth", "Support"]
VERS = ["1.4.2", "2.0", "3.11", "0.9.7", "5.2.1", "17", "21.3", "8.0.1"]
TIMES = ["10:30", "3pm", "09:00 UTC", "noon", "14:15", "8am", "4:45pm", "23:00"]
TICKETS = ["PAY-1234", "OPS-88", "INFRA-2051", "BUG-417", "CORE-9", "SEC-301"]

# --------------------------------------------------------------------------
# Frames.  Entity slots:
#   {PF} full name, {PG} short/given name, {PS} surname (title form), {P} full or short
#   lower-case variants {pf} {pg} {p}; {pt} lower-case short with a possible typo
#   {AT}/{at} mention handle (no spaces, '@' is written in the frame, outside the span)
#   {O} / {o} organisation, {G} / {g} place (lower-case variants)
# Non-entity slots: {LANG} {TOOL} {PROD} {MONTH} {DAY} {ROLE} {DEPT} {VER} {TIME} {TKT} {N}
# --------------------------------------------------------------------------
POS_FRAMES = [
    # chat, lower-case, abbreviations
    "hey {pg} can u look at the {TOOL} alert pls",
    "{pg} pls review my pr when u get a sec thx",
    "thx {pg} that fixed it",
    "pinging {pg} and {pg} re the {g} outage",
    "ppl at {O} said the api is rate limited now",
    "flying to {g} tmrw so ill be offline till {DAY}",
    "is {pt} still on leave or back this week",
    "ok w/ me if {pg} takes the {TOOL} upgrade",
    "lol {pg} broke prod again jk it was {TOOL}",
    "can someone from {o} confirm the webhook ips",
    "{pg} said the {g} team is blocked on the vpn",
    "w/ {pg} out who owns the {g} rollout",
    "brb lunch w {pg}",
    "np {pg}, ill ping {o} support",
    "just got off a call w/ {o}, they want {pf} on the thread",
    "does anyone know {pt}'s slack handle",
    "omw to the {g} office, tell {pg} to start w/o me",
    "{pg} ur a lifesaver",
    "meeting w {o} got pushed, {pg} will send a new invite",
    "anyone from {g} awake? {pg} needs a hand w the {TOOL} migration",
    "fyi {pg} is moving to {g} next month",
    "tbh i think {pg} is right about {LANG}",
    "idk ask {pg} or {pg}",
    "k thx {pg}",
    "{pg} n {pg} are pairing on the {g} bug rn",
    "rip {pg}'s weekend, {g} cluster fell over",
    "{g} office wifi is down again",
    "the {g} folks say {o} is slow today",
    "grabbing dinner in {g} w {pg} and {pg}",
    "{o} support is useless been waiting 3 days",
    "{pg} can u send me the {o} contract",
    "ty {pg}!!",
    "wb {pg}, how was {g}",
    "{pg} is in {g} this week so expect delays",
    "congrats {pg} on the new role at {o}",
    "moving from {o} to {o} next month dm me",
    "pls dont merge till {pg} checks the {g} numbers",
    "asked {pg} abt it, they said ask {pg}",
    "{pt} pushed a hotfix for {g}",
    "sry {pg} missed ur msg, was on a plane to {g}",
    "{pt} u there",
    "gm {pg} did the {o} invoice go out",
    "heading to {g} for the wedding, {pg} has my pager",
    "who invited {o} to the {g} planning call lol",
    "{pg} + {pg} to fix the {g} report asap",
    # mentions
    "@{at} ur build is red",
    "@{AT} can you take a look at {TKT}?",
    "cc @{at} @{at}",
    "@{at} @{at} standup moved to {TIME}",
    "@{AT} the {O} sandbox keys expired",
    "thanks @{AT}, merging now",
    "@{at} is this the {g} bucket or the {g} one",
    # slack threads
    "Replying to {PF} in the incident thread: the {G} replica is healthy again.",
    "{PF} (thread): anyone seen timeouts from {O} today?",
    "{PG} replied in thread: +1, let's wait for {O} to confirm.",
    "Thread summary for {PG}: {O} rotated their certs, {G} traffic recovered at {TIME}.",
    "{PG} reacted to your message about the {G} migration",
    "{PF} joined the channel. Welcome, {PG}!",
    "{PF} set a reminder: follow up with {O} on {DAY}",
    "{PF} pinned a message: {G} maintenance window is {DAY} {TIME}",
    "Also sent to channel by {PF}: {O} status page is green again",
    # code comments
    "// TODO({pg}): remove once {O} fixes their pagination",
    "# TODO({pg}) drop this hack after the {G} cutover",
    "// per {PF}, {O} requires the header in lower case",
    "/* Authored-by: {PF} */",
    "// FIXME({pg}): {TOOL} client leaks connections",
    "# per {PG}'s review, keep the retry at 3",
    "// Workaround for {O} returning 200 on errors, see {PG}'s note",
    "// {PF} wrote this, ask before touching",
    "# XXX({pg}): hardcoded {G} timezone",
    "// Copyright {N} {O}. All rights reserved.",
    "/** @author {PF} */",
    "// HACK: {G} region needs a separate bucket, agreed with {PG}",
    "# ported from {PG}'s {LANG} prototype",
    "// per {pg}: do not cache {o} tokens",
    "-- TODO({pg}) index this column before the {G} launch",
    # commit messages
    "fix: handle {O} webhook retries (reported by {PF})",
    "Revert {TOOL} bump per {PG}",
    "Co-authored-by: {PF}",
    "chore: move {G} config to shared module, thanks {pg}",
    "feat({g}): add invoice export for {O}",
    "Signed-off-by: {PF}",
    "docs: credit {PF} and {PF} for the {G} dataset",
    "wip, do not merge ({pg})",
    "Squash of {PG}'s and {PG}'s commits for the {O} integration",
    "fix typo in {G} address template, spotted by {pg}",
    "Reviewed-by: {PF}",
    # PR reviews
    "LGTM, but let's get {PG} to sign off since it touches the {O} client.",
    "nit: {PG} prefers early returns here",
    "{PF} requested changes on #{N}",
    "Approved by {PF}; waiting on {PF} for the {G} bits.",
    "@{at} this breaks the {G} locale, can you check?",
    "Re {PG}'s comment: {O} does not guarantee ordering, so we sort client-side.",
    "{PG} left 14 comments, mostly naming",
    "Could {PG} or {PG} take a second look? It changes how we call {O}.",
    "suggestion from {pg}: use {TOOL} instead of rolling our own",
    "Blocking until {PF} from {O} confirms the schema.",
    "{PS} is right, the {G} rate table should not live in code.",
    # bug reports
    "Users in {G} can't log in since the {O} SSO change, reported by {PF}.",
    "Steps to reproduce (from {PG}): open the app in {G}, switch language, crash.",
    "Customer {PF} says invoices from {O} show the wrong currency.",
    "Bug: address autocomplete suggests {G} when typing {G}",
    "{PF} from {O} reports duplicate charges since {DAY}",
    "Only affects the {G} tenant, per {PG}",
    "Expected: {O} logo on receipt. Actual: blank. Reporter: {pf}",
    "Can't repro on my side, {PG}, which build are you on?",
    "Seen by {PG} and {PG} in {G}, not seen in {G}",
    "escalated by {O} account manager {PF}",
    "Name field truncates {PF} to 20 characters on the {G} signup form.",
    "The PDF export mangles {PF} into question marks.",
    # on-call handovers
    "Handover from {PG} to {PG}: {G} queue drained, {O} ticket still open.",
    "On-call this week: {PF} (primary), {PF} (secondary)",
    "{PG} got paged twice overnight for the {G} replica",
    "Paging {PF} since {O} is down in {G}",
    "Nothing major overnight, {PG}. {O} had a blip around {TIME}.",
    "If {O} calls again, escalate to {PF}",
    "Handing off to the {G} shift, {PG} is lead tonight",
    "{PG}, the {G} disk alert is flapping, I silenced it till {TIME}",
    "handover: {g} batch failed at {TIME}, rerun by {pg}, all green now",
    # meeting notes
    "Attendees: {PF}, {PF}, {PF}",
    "Present: {PF}, {PF}; apologies: {PF}",
    "Action items: {PG} to email {O}; {PG} to check {G} latency",
    "Notes ({DAY}): {PF} presented the {G} numbers, {PF} raised concerns about {O}.",
    "Decision: {PG} and {PG} own the {O} migration, review in {MONTH}.",
    "{PF} will follow up with {PF} at {O}",
    "AI: {pg} -> ask {o} about the SLA",
    "Agreed with {PF} that {G} goes live first, then {G}.",
    "Minutes taken by {PF}. Next sync with {O} on {DAY}.",
    "Guests from {O}: {PF} and {PF}",
    "{PG}, {PG} and {PG} to draft the {G} hiring plan",
    # standup
    "Yesterday: paired with {PG} on the {G} importer. Today: {O} sandbox tests. Blockers: none.",
    "standup: {pg} out sick, {pg} covering",
    "{PG}: finished the {TOOL} upgrade, starting on {O} billing",
    "blocked on {O} creds, {pg} is chasing",
    "{PG} is OOO till {DAY}, ping {PG} for anything {G}",
    "Today I'm helping {PF} with the {G} data backfill.",
    "update from {pg}: {g} migration 80% done",
    # calendar
    "1:1 {PG} / {PG}",
    "Lunch w/ {PF} ({O})",
    "Call with {O} re {G} expansion, {TIME}",
    "Interview: {PF}, Staff Engineer loop",
    "Flight to {G}, back {DAY}",
    "{PG} birthday cake, kitchen {TIME}",
    "Sync: {O} x {O} partnership",
    "Offsite in {G} ({MONTH} 12-14)",
    "Dentist, move {PG} 1:1",
    "Coffee chat with {PF} from the {G} office",
    "Hold: {O} quarterly review ({G})",
    # narrative, sentence start, titles, possessives
    "{PG} moved the deploy to {DAY}.",
    "{PF} fixed the flaky test.",
    "{PG} thinks the {O} quote is too high.",
    "{PF} is the new contact at {O}.",
    "{PG} and {PG} are driving to {G} for the customer visit.",
    "{PS} signed off on the {G} budget.",
    "Dr. {PS} from {O} will join the call.",
    "Prof. {PF} is advising {O} on the study.",
    "Ms. {PS} asked for the {G} report by {DAY}.",
    "Mr. {PS}'s flight from {G} is delayed.",
    "{PG}'s laptop died so the demo is off.",
    "Per {PF}'s email, {O} wants a {G} data residency option.",
    "According to {PF}, the {G} office closes early on {DAY}.",
    "{PF}, who runs infra at {O}, suggested {TOOL}.",
    "We hired {PF} away from {O}.",
    "{PF} relocated from {G} to {G} last spring.",
    "Thanks to {PF} and the folks at {O} for the quick turnaround.",
    "The {G} office is hosting {PF} next week.",
    "{O} opened a second office in {G}.",
    "{O}'s API was down for an hour, {PG} says.",
    "Our {G} team is interviewing {PF} on {DAY}.",
    "Shoutout to {PG} for untangling the {G} billing mess!",
    "{PG} from {O} keeps asking about the {LANG} SDK.",
    "Contract with {O} ({G}) renews in {MONTH}.",
    "Please loop in {PF}, who handles {G} compliance.",
    "{PF} ({O}) will demo the {TOOL} integration.",
    "Reminder: {PG} is presenting at the {G} meetup.",
    "Spoke with {PF} at {O} about moving workloads to {G}.",
    "{PG}'s team in {G} owns the payments service.",
    "Sent the NDA to {PF} at {O}.",
    "Can {PG} cover the {G} customer call?",
    "{O} and {O} both want a pilot in {G}.",
    "Received a complaint from {PF} in {G} about late deliveries.",
    "{pf} signed up twice with the same phone number.",
    "We're flying {PF} out to {G} for onboarding.",
    "HR says {PF} starts on {DAY}.",
    "{PF} is a Product Manager at {O}.",
    "{PF}, Head of Sales at {O}, asked for a discount.",
    "The intern, {PG}, found the bug in the {LANG} parser.",
    "{PG} wrote the {LANG} bindings, not {PG}.",
    "Escalation: {O} wants a call with {PF} before {DAY}.",
    "The {O} team in {G} reached out to {PG}.",
    "{PF} and {PF} co-wrote the {G} rollout plan.",
    "Feedback for {PG}: great work on the {O} demo.",
    "Vendor contact: {PF}, {O}, {G}",
    "Invoice #{N} from {O} is overdue, {PG} is on it.",
    "Did {PG} ever hear back from {O}?",
    "Visiting the {O} campus in {G} with {PG}.",
    "{PG} says {G} is lovely in {MONTH}.",
    "Post-mortem owner: {PF}. Contributing factor: {O} DNS change.",
    "Roll back {G} only, {PG} will watch the graphs.",
    "Waiting on {O} legal before {PG} can share the {G} numbers.",
    "{PG} left {O} in {MONTH}.",
    "From {PF}: the {G} warehouse API is deprecated.",
    "{P} asked whether {O} can invoice in local currency for {G}.",
    "{P} will cover for {P} while they're in {G}.",
    "Dr. {PF}'s slides from the {O} workshop are in the shared drive.",
    "{O} in {G} still hasn't countersigned, {PG} says maybe {DAY}.",
]

NEG_FRAMES = [
    "{LANG} build is failing on the {TOOL} runner",
    "ported the parser from {LANG} to {LANG}",
    "Ruby gems need a bump before {MONTH}",
    "Crystal compiler crashes on the new macro, filed upstream",
    "Julia {VER} is way faster for this workload",
    "Ada and Pascal are still in the legacy payroll system",
    "Alexa, set a timer for ten minutes",
    "Siri keeps mishearing the meeting title",
    "Jenkins is down again, restart it pls",
    "Cassandra compaction took all night",
    "Hugo site builds in under a second now",
    "Celery workers are stuck on the {TOOL} queue",
    "Loki is dropping log lines above 5MB",
    "Grant {ROLE} read access to the {TOOL} dashboard.",
    "Mark the {TOOL} alert as resolved once it's quiet for an hour.",
    "Will check the {LANG} build after lunch.",
    "Bill the overage to {DEPT} for {MONTH}.",
    "Chase the {TOOL} upgrade ticket before {DAY}.",
    "Page the on-call if {TOOL} lag goes above 30s.",
    "Hope the {LANG} port lands before {MONTH}.",
    "May need to pin {TOOL} to {VER} until the fix ships.",
    "Frank question: why are we still on {TOOL} {VER}?",
    "Grace period for the {PROD} licence ends in {MONTH}.",
    "Joy of the day: the {TOOL} pipeline is finally green.",
    "Rose by 12% overnight: the {TOOL} queue depth.",
    "Dawn deploys are banned from {MONTH} onwards.",
    "Summer freeze starts the last {DAY} of {MONTH}.",
    "the {ROLE} wants the {PROD} deck by {DAY}",
    "{ROLE} approved the budget for {TOOL} licences",
    "moving standup to {DAY} {TIME}, {DEPT} has the room",
    "{DEPT} needs the {PROD} export before {MONTH} close",
    "Switched the chart from a Gaussian to a Bayesian smoother.",
    "Make the flag a Boolean, not a string.",
    "Use Euclidean distance for now, cosine later.",
    "The Portuguese and Swahili strings are missing in the {TOOL} bundle.",
    "Dates must be ISO 8601, the GDPR review is on {DAY}.",
    "Set the heading font to Georgia and the body to Verdana.",
    "The Mediterranean diet talk got moved to {MONTH}.",
    "Asia and Africa rollouts are paused until {MONTH}.",
    "{PROD} call at {TIME}, link in the invite",
    "pls update {TOOL} to {VER} before {DAY}",
    "who broke the {TOOL} chart lol",
    "ok will do after {TOOL} finishes reindexing",
    "thx all, closing the incident",
    "New {ROLE} starts {DAY}, please prep a {PROD} account.",
    "Retro notes: too many {TOOL} alerts, not enough runbooks.",
    "Standup: fixed the {LANG} linter, next up {TOOL} dashboards, no blockers.",
    "chore: bump {TOOL} from {VER} to {VER}",
    "fix: null check in the {LANG} client",
    "TODO: migrate off {TOOL} before {MONTH}",
    "// FIXME: {LANG} FFI leaks on shutdown",
    "LGTM, minor nits about the {TOOL} config",
    "On-call handover: quiet night, one {TOOL} alert at {TIME}, auto-resolved.",
    "{DEPT} all-hands, {DAY} {TIME}",
    "Reminder: {MONTH} expense reports due {DAY}",
    "Sterling effort on the {TOOL} migration, everyone.",
    "Turkish coffee machine on floor 3 is broken again.",
    "Price it in Swiss francs or euros, {DEPT} doesn't care.",
    "Does the {PROD} app support the Tagalog locale yet?",
    "Monte Carlo sims are running on the {TOOL} cluster.",
    "The Director wants a {PROD} summary, not a {TOOL} dashboard.",
    "Hunter mode is on: {DEPT} is hunting for unused {TOOL} licences.",
    "Baker's dozen of flaky tests in the {TOOL} suite today.",
    "Victory lap: {TOOL} p99 back under 200ms",
    "Crystal and Ruby benchmarks attached, {LANG} still wins",
    "Hope you all had a good {MONTH} break",
    "Paid the {PROD} invoice, {DEPT} has the receipt",
    "Ask the {ROLE} before touching the {TOOL} config",
    "Amber alert on the {TOOL} dashboard, nothing to do yet",
]


def typo(rng, s):
    """Lower-case name with an occasional adjacent-letter swap or dropped letter."""
    s = s.lower()
    if len(s) < 5 or " " in s or rng.random() < 0.5:
        return s
    i = rng.randrange(1, len(s) - 2)
    if not (s[i].isalpha() and s[i + 1].isalpha()) or s[i] == s[i + 1]:
        return s
    if rng.random() < 0.5:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:]


SLOT_RE = re.compile(r"\{(\w+)\}")
FILLERS = {"LANG": LANGS, "TOOL": TOOLS, "PROD": PRODUCTS, "MONTH": MONTHS,
           "DAY": DAYS, "ROLE": ROLES, "DEPT": DEPTS, "VER": VERS,
           "TIME": TIMES, "TKT": TICKETS}


def fill(rng, frame):
    out = ""
    spans = []
    used = set()
    pos = 0

    def pick(pool):
        for _ in range(100):
            x = rng.choice(pool)
            if x not in used:
                used.add(x)
                return x
        raise RuntimeError("pool exhausted")

    def lit(t):
        nonlocal out
        if t.startswith(".") and out.endswith("."):
            t = t[1:]  # "Inc." at end of sentence: no double period
        out += t

    for m in SLOT_RE.finditer(frame):
        lit(frame[pos:m.start()])
        pos = m.end()
        slot = m.group(1)
        at_start = (out == "")
        if slot in FILLERS:
            out += rng.choice(FILLERS[slot])
            continue
        if slot == "N":
            out += str(rng.choice([2019, 2021, 2023, 2024, 57, 312, 1288, 4410]))
            continue
        key = slot.upper()
        lower = slot.islower()
        if key in ("PF", "PG", "PS", "P", "PT", "AT"):
            if key == "AT":
                cand = [p for p in PEOPLE if " " not in p[1] and "." not in p[1]]
                person = pick(cand)
            else:
                person = pick(PEOPLE)
            full, short, sur = person
            if key == "PF":
                s = full
            elif key in ("PG", "AT", "PT"):
                s = short
            elif key == "PS":
                s = sur
            else:
                s = full if rng.random() < 0.5 else short
            if key == "PT":
                s = typo(rng, s)
            elif lower:
                s = s.lower()
            typ = "PERSON"
        elif key == "O":
            s = pick(ORGS)
            s = s.lower() if lower else s
            typ = "ORG"
        elif key == "G":
            s = pick(PLACES)
            s = s.lower() if lower else s
            typ = "GPE"
        else:
            raise ValueError("unknown slot " + slot)
        if at_start and not lower and s[0].islower():
            s = s[0].upper() + s[1:]  # "van der Meulen" -> "Van der Meulen" at sentence start
        s = nfc(s)
        spans.append((typ, len(out), len(out) + len(s), s))
        out += s
    lit(frame[pos:])
    return out, spans


def verify(text, spans):
    assert "\t" not in text and "\n" not in text and "\r" not in text, text
    assert nfc(text) == text, text
    assert all(ord(c) < 0x10000 for c in text), text
    last_end = -1
    for typ, s, e, ent in spans:
        assert typ in ("PERSON", "ORG", "GPE")
        assert 0 <= s < e <= len(text), (text, s, e)
        assert text[s:e] == ent, (text, s, e, ent)
        assert ent == ent.strip() and ent, (text, ent)
        assert s >= last_end, ("overlap", text)
        last_end = e
        # entity boundaries must not cut through a word
        if s > 0:
            assert not text[s - 1].isalnum(), (text, ent)
        if e < len(text):
            assert not text[e].isalnum(), (text, ent)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "ner-train-b.tsv")
    rng = random.Random(SEED)

    assert len(POS_FRAMES) + len(NEG_FRAMES) >= 150
    assert len(set(PEOPLE)) == len(PEOPLE) >= 300, len(PEOPLE)
    assert len(set(ORGS)) == len(ORGS) >= 150, len(ORGS)
    assert len(set(PLACES)) == len(PLACES) >= 150, len(PLACES)

    n_neg = round(N_TOTAL * NEG_SHARE)
    n_pos = N_TOTAL - n_neg
    seen = set()
    rows = []

    def produce(frames, n, want_entities):
        got = 0
        order = []
        tries = 0
        while got < n:
            if not order:
                order = list(frames)
                rng.shuffle(order)
            frame = order.pop()
            text, spans = fill(rng, frame)
            tries += 1
            assert tries < n * 50
            if text in seen:
                continue
            assert bool(spans) == want_entities, frame
            verify(text, spans)
            seen.add(text)
            rows.append((text, spans))
            got += 1

    produce(POS_FRAMES, n_pos, True)
    produce(NEG_FRAMES, n_neg, False)
    rng.shuffle(rows)

    counts = Counter()
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for text, spans in rows:
            for typ, _, _, _ in spans:
                counts[typ] += 1
            f.write(text + "\t" + ";".join("%s:%d:%d" % (t, s, e) for t, s, e, _ in spans) + "\n")

    # re-read and re-verify the written file
    with open(out_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[-1] == ""
    for line in lines[:-1]:
        text, sp = line.split("\t")
        if sp:
            for item in sp.split(";"):
                t, s, e = item.split(":")
                s, e = int(s), int(e)
                assert t in ("PERSON", "ORG", "GPE") and 0 <= s < e <= len(text)
                assert len(text[:e].encode("utf-16-le")) // 2 == e  # BMP: UTF-16 == code points

    print("frames: %d positive, %d negative" % (len(POS_FRAMES), len(NEG_FRAMES)))
    print("pools: %d persons, %d orgs, %d places" % (len(PEOPLE), len(ORGS), len(PLACES)))
    print("sentences: %d (with entities %d, without %d)" % (
        len(rows), sum(1 for _, s in rows if s), sum(1 for _, s in rows if not s)))
    print("spans: PERSON %d, ORG %d, GPE %d, total %d" % (
        counts["PERSON"], counts["ORG"], counts["GPE"], sum(counts.values())))
    print("wrote", out_path)


if __name__ == "__main__":
    main()
