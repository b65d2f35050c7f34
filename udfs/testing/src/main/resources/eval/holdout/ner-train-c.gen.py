#!/usr/bin/env python3
"""Generator for ner-train-c.tsv (PERSON / ORG / GPE training sentences).

Focus: prompts people send to an LLM assistant (write / rewrite / summarise /
translate / explain requests that mention people, organisations and places).

Deterministic: fixed seed, seeded shuffled decks per pool.  Stdlib only.

    python3 ner-train-c.gen.py            # writes ner-train-c.tsv next to this file
    python3 ner-train-c.gen.py --stats    # also prints counts

Never edit the TSV by hand; change the pools / frames here and regenerate.
"""
import os
import random
import re
import sys
import unicodedata

SEED = 20240611
N_ENTITY_SENTENCES = 645
N_NEGATIVE_SENTENCES = 165

# ---------------------------------------------------------------------------
# PERSON pool.
#   "Given Surname"            -> given = first token, surname = rest
#   "Given Names|Surname"      -> explicit split
#   "Surname^Given"            -> surname-first display ("Zhou Xinyi")
#   "Full#Given#Surname"       -> explicit; empty given/surname = not usable alone
# Given names ending in "." (initials) are never used alone.
# ---------------------------------------------------------------------------
PERSONS = """
Adebayo Ogunleye
Chidinma Eze-Okafor
Oluwaseun Adeyemi-Bello
Ngozi Nwachukwu
Emeka Obiora
Yetunde Afolabi
Babajide Oyelaran
Aminu Danjuma
Halima Bello-Usman
Kwabena Asante
Abena Owusu-Ansah
Kofi Boateng-Mensah
Efua Quaye
Yaw Darko
Akosua Frimpong
Mamadou Diallo
Aïssatou Ndiaye
Ousmane Sow
Fatou Diop
Cheikh Mbaye
Awa Coulibaly
Ibrahima Sarr
Seydou Traoré
Nnamdi Okwuosa
Ifeoluwa Adesanya
Tobiloba Fashola
Zainab Abubakar-Sadiq
Chukwudi Nnaji
Folasade Ige
Kelechi Anyanwu
Wanjiru Kamau
Otieno Odhiambo
Achieng Owino
Njeri Githinji
Kiprono Rotich
Chebet Jepkosgei
Amani Mwakyusa
Neema Massawe
Baraka Lyimo
Rehema Mwinyi
Tesfaye Gebremariam
Selamawit Haile
Abebe Bekele-Tadesse
Hiwot Alemu
Mulugeta Desta
Nasra Abdirahman
Faduma Warsame
Kagiso Molefe
Thandeka Dlamini
Sipho Ndlovu
Lerato Mokoena
Tendai Chikwanha
Rutendo Mapfumo
Chipo Banda
Mwila Mulenga
Lungile Zungu
Bongani Khumalo
Nomvula Sithole
Ayanda Mthembu
Keabetswe Seretse
Aimable Niyonzima
Claudine Mukamana
Jean-Baptiste Nkurunziza
Marie-Claire Uwimana
Mbuyi Kabasele
Bienvenu Lukusa
Nsimba Mavungu
Layla al-Sabbagh
Yousef Haddad
Rania Khoury
Tariq el-Masri
Noura bint Saleh Al-Qahtani#Noura#Al-Qahtani
Khalid bin Rashid Al-Mansoori#Khalid#Al-Mansoori
Samira Benali
Karim Bouzid
Yasmina Cherif
Hamza Ait Lahcen
Mariam Al-Awadhi
Omar Abu-Ghazaleh
Huda Nasrallah
Salma Darwish
Ziad Hamdan
Lina Mansour
Faris Al-Dosari
Dalia Farouk
Mahmoud Shalaby
Reem Al-Zahrani
Anas Barakat
Nadia Belkacem
Sofiane Mebarki
Jamila Touati
Hassan Idrissi
Parisa Tehrani
Dariush Farahani
Golnar Mohammadi
Kaveh Rostami
Nasrin Ghorbani
Arash Kamali
Mahsa Jafari
Behrouz Sadeghi
Leila Karimi-Nejad
Farhad Navabi
Roya Hosseinzadeh
Babak Motamedi
Soraya Ansari
Navid Esfandiari
Elif Yıldırım
Mehmet Öztürk
Zeynep Aydoğan
Burak Çelik
Selin Karaca
Emre Şahin
Ayşe Demirtaş
Onur Kılıç
Priyanka Raghunathan
A. R. Venkataraman
Shreya Iyer
Kartik Menon
Ananya Bhattacharya
Rohan Deshpande
Meenakshi Sundaram
Harpreet Kaur|Sandhu
Gurpreet Singh|Bains
Nilufar Rahman
Tanvir Hossain
Farzana Chowdhury
Sanjida Akter
Ishaan Kulkarni
Deepika Nair
Vikram Subramanian
Lakshmi Pillai
Sunita Thapa
Bishnu Gurung
Pemba Sherpa
Chaminda Wijesinghe
Nimali Perera-Gunawardena
Dilani Jayasuriya
Asif Iqbal
Mehwish Siddiqui
Usman Tariq
Ayesha Malik-Rana
Rukhsana Baig
Tejaswini Rao
Siddharth Banerjee
K. S. Balakrishnan
V. Lakshmanan
Clarice D'Souza
Zhou^Xinyi
Liang^Haoran
Chen^Yuting
Guo^Jiahui
Huang^Zihan
Tang^Wenjie
Xu^Mingyu
Fang^Ruoxi
Kenta Watanabe
Haruka Nishimura
Yuki Morimoto
Daisuke Fujiwara
Aoi Takeda
Ryosuke Kanda
Sora Hirano
Park^Ji-hoon
Kim^Seo-yeon
Choi^Min-jae
Lee^Ha-eun
Han^Soo-bin
Yoon^Da-eun
Chan^Siu-ming
Lam^Hoi-yan
Batbayar Ganbold
Oyunchimeg Tserendorj
Nguyen Thi Thu Ha#Thu Ha#Nguyen
Tran Minh Khoa#Minh Khoa#Tran
Pham Quoc Bao#Quoc Bao#Pham
Le Thi Lan Anh#Lan Anh#Le
Vo Thanh Tam#Thanh Tam#Vo
Siti Rahmawati
Agus Setiawan
Dewi Kusumawardani
Budi Santoso
Rizky Pratama
Putu Ayu|Wirasari
Nur Aisyah binti Kamarudin#Nur Aisyah#Kamarudin
Muhammad Hafiz bin Roslan#Hafiz#Roslan
Chanya Srisuk
Somchai Boonmee
Kittipong Wattana
Ploy Chaiyaporn
Ma. Cristina Dizon-Reyes#Ma. Cristina#Dizon-Reyes
Rommel Bautista
Maricel Villanueva
Joselito Macaraeg
Sokha Chea
Aung Kyaw Moe##
Thiri Hlaing
Phonsavanh Keomany
Oleksandra Kovalenko
Taras Hnatiuk
Bohdana Melnyk
Dmytro Savchuk
Agnieszka Wróblewska
Grzegorz Zieliński
Małgorzata Kaczmarek
Przemysław Dąbrowski
Zuzana Dvořáková
Jiří Novotný
Radka Procházková
Miroslav Horváth
Snežana Petrović
Dragan Jovanović
Milica Stanković
Tomislav Babić
Vesna Kovačević
Nikolai Vorontsov
Yekaterina Lebedeva
Anzhelika Morozova
Bogdan Ionescu
Ioana Constantinescu
Radu Vasilescu
Desislava Georgieva
Stoyan Dimitrov
Lyudmila Arkhipova
Velislava Todorova
Sigrún Jónsdóttir
Þórunn Hafsteinsdóttir
Kristján Guðmundsson
Ingeborg Haugland
Torbjørn Solheim
Solveig Brekke
Eirik Fossum
Ylva Lindqvist
Henrik Åberg
Astrid Bergkvist
Linnea Sjöberg
Mikko Lähteenmäki
Aino Kettunen
Jussi Rantanen
Sanna Heikkilä
Mette Kjærgaard
Rasmus Østergaard
Nils-Erik Sandström
Eeva-Liisa Korhonen
Runa Aarnes
María José|Quispe
Juan Pablo|Cárdenas
Ximena Villalobos
Esteban Urrutia
Valentina Ocampo
Mateo Sepúlveda
Camila Arriagada
Joaquín Baeza
Renata Gonçalves
Thiago Nascimento
Luana Figueiredo
Caio Albuquerque
Guadalupe Tzul
Fernanda Cavalcanti
Itzel Hernández-Cruz
Yolanda Chávez Mamani#Yolanda#Chávez Mamani
Wilber Condori
Maribel Huamán
Andrés Felipe|Restrepo
Lucía|de la Fuente
Sebastián Echeverría
Florencia Iturralde
Gonzalo Basualdo
Paola Montenegro
Raúl Escobedo
Sione Tupou
Mele Fifita
Losaline Vaipulu
Tevita Havili
Malia Fonoti
Iosefa Leiataua
Ana Tuiasosopo
Aroha Ngata
Tamati Waaka
Wiremu Parata
Hinewai Poutama
Keoni Kahananui
Leilani Kealoha
Kalani Akana
Losana Vuniwaqa
Jone Tuilagi
Isileli Kata
Tanis Mainville
Delphine Cardinal
Waaseyaa Kinew
Shandiin Begay
Tyrel Yazzie
Aputi Kilabuk
Siila Qaunaq
Elle-Máret Gaup
Jedda Mununggurr
Kirra Tjapaltjarri
Millaray Huenchumilla
Yupanqui Mamani
Urara Kayano
Pieter Vermeulen
Femke|de Graaf
Joost|van den Berghe
Anneliese Oberhuber
Matthias Pfeiffer-Lang
Friederike|von Stetten
Ludovic Carrère
Solène Dufresne
Aurélien Mercier
Gwenaëlle|Le Goff
Itziar Etxeberria
Iñaki Goikoetxea
Nerea Zubizarreta
Leonor Sampaio
Duarte Magalhães
Benedetta|Lo Russo
Gianluca Ferrandi
Chiara|Dell'Acqua
Niamh|Ó Súilleabháin
Ciarán|Mac Giolla Bhríde
Siobhán|Nic Aodha
Saoirse O'Dwyer
Eilidh MacLennan
Rhodri|ap Gwynedd
Angharad Pryce
Dimitra Papadakis
Stavros Kouvelis
Eleni Mavridou
Zsófia Kertész
Bence Halász
Katalin Farkas-Varga
Mirela Hoxha
Arben Krasniqi
Jurgita Vaitkutė
Mindaugas Šimkus
Liene Ozola
Kaspars Bērziņš
Triin Tamm
Marek Pärn
Anahit Sargsyan
Tigran Hovhannisyan
Nino Beridze
Levan Kapanadze
Aigerim Nurlanovna|Seitkali
Bakhyt Zhaksybekov
Dilnoza Yusupova
Rustam Karimov
Gulnara Toktogulova
"""

# ORG pools (all labelled ORG).
COMPANIES = """
Tidewell Logistics Ltd
Harrowgate Analytics
Bluefen Software GmbH
Marabou Foods Plc
Quillstone Insurance
Northvane Energy AS
Okapi Fintech
Sarnia Textiles
Kapok Labs
Ironbark Mining Pty Ltd
Solenne Cosmetics SA
Vireo Health Inc.
Tamarind Capital LLP
Greyfriars Publishing
Lumora Robotics
Petrel Shipping Co.
Kinabalu Digital Sdn Bhd
Selvara Pharma
Brackwater Brewing Co.
Halcyon Freightways
Ostrander & Vale LLP
Morwenna Legal
Ashgrove Property Management
Riverbend Lettings Ltd
Copperleaf Realty
Mbeya Agritech
Zuri Mobility
Jacaranda Payments
Bolt Mobility
Pellucid Optics AB
Karoo Solar (Pty) Ltd
Vantablue Studios
Orrin & Fitch Solicitors
Tollund Insurance A/S
Saltmarsh Dairy Co-op
Hesper Aviation
Kestrelwood Homes
Mirabeau Hotels SAS
Sundara Tea Estates
Yarrowfield Care Homes
Calloway Kitchens
Brightwater Lettings
Fenwick Oduya Associates
Tessaract Cloud BV
Monzo
Revolut
Wise
Canva
Safaricom
Flutterwave
Paystack
Jumia
Andela
Grab
Gojek
Tokopedia
Zalando
Klarna
Mercado Libre
Rappi
Nubank
Careem
Talabat
Swvl
Ørsted
Vestas
Rovio
Supercell
Wolt
Glovo
Cabify
Deliveroo
Ocado
Infosys
Zoho
Razorpay
Freshworks
Swiggy
Zomato
Rakuten
Mercari
Shopee
Lazada
M-KOPA
Twiga Foods
Moniepoint
Chipper Cash
Interswitch
MTN Group
Airtel Africa
Ecobank
Equity Bank
Dangote Cement
Aramex
Emirates NBD
Tata Consultancy Services
Wipro
Mahindra Logistics
Bajaj Allianz
HDFC ERGO
Discovery Health
Bupa
Old Mutual
Sanlam
Jubilee Insurance
Britam
Nakheel Properties
Petronas
Jollibee Foods Corporation
Ayala Land
Kaspi Bank
Bank of Georgia
"""

UNIVERSITIES = """
Makerere University
Universidad de los Andes
Universidade Federal de Minas Gerais
Jagiellonian University
Charles University
Aalto University
Ateneo de Manila University
Chulalongkorn University
Universitas Gadjah Mada
Kwame Nkrumah University of Science and Technology
University of Ibadan
Strathmore University
Addis Ababa University
University of Cape Coast
American University of Beirut
Sharif University of Technology
Bilkent University
Hanyang University
Tohoku University
Kyushu University
National Taiwan University
Fudan University
Indian Institute of Science
IIT Madras
Ashoka University
Lahore University of Management Sciences
BRAC University
University of Peradeniya
Universiti Malaya
De La Salle University
Victoria University of Wellington
University of the South Pacific
Université Cheikh Anta Diop
Mohammed V University
Cairo University
University of Bergen
Uppsala University
Lund University
University of Iceland
KU Leuven
Ghent University
Leiden University
Trinity College Dublin
University of St Andrews
Cardiff University
Sciences Po
Universidad Nacional de Córdoba
Pontificia Universidad Católica del Perú
Universidad de Chile
Universidade de Coimbra
University of Zagreb
Vilnius University
Tallinn University of Technology
Tbilisi State University
Nazarbayev University
Larchmere Academy
St. Brigid's Secondary School
Kingsbridge International School
Hollowmere Sixth Form College
Université Laval
"""

HOSPITALS = """
Aga Khan University Hospital
Kenyatta National Hospital
Groote Schuur Hospital
Korle Bu Teaching Hospital
Lagos University Teaching Hospital
Tata Memorial Hospital
Narayana Health
Apollo Hospitals
Manipal Hospitals
Siriraj Hospital
Bumrungrad International Hospital
St. Luke's Medical Center
Severance Hospital
Karolinska University Hospital
Rigshospitalet
Charité
Hospital Italiano de Buenos Aires
Mater Misericordiae University Hospital
Hamad Medical Corporation
Cleveland Clinic Abu Dhabi
Westbrook Family Clinic
Harbourview Physiotherapy
Lindenhof Dental Practice
Sunridge Fertility Centre
Kalinda Eye Clinic
Mulago National Referral Hospital
Black Lion Hospital
Hospital Clínic de Barcelona
Haukeland University Hospital
Starship Children's Hospital
"""

AGENCIES = """
Ghana Revenue Authority
South African Revenue Service
Federal Inland Revenue Service
Uganda Revenue Authority
Bundesagentur für Arbeit
Agenzia delle Entrate
Skatteverket
Kela
Immigration New Zealand
UK Visas and Immigration
Department of Home Affairs
Immigration, Refugees and Citizenship Canada
Service Canada
Kenya Wildlife Service
National Health Insurance Fund
PhilHealth
BPJS Kesehatan
Ministry of Manpower
Ministry of Human Resources and Emiratisation
Médecins Sans Frontières
Oxfam
BRAC
Tostan
Amref Health Africa
GiveDirectly
Kiva
Habitat for Humanity
WaterAid
Mercy Corps
Save the Children
Norwegian Refugee Council
International Rescue Committee
Aga Khan Foundation
Kenya Red Cross Society
Pratham
Akshaya Patra Foundation
Fundación Paraguaya
Transparency International
Amnesty International
UNHCR
UNICEF
World Food Programme
African Development Bank
Asian Development Bank
Inter-American Development Bank
Kinship Housing Trust
Bright Path Literacy Foundation
Tamarack Youth Collective
Marram Coast Conservation Trust
Ngāti Whātua Ōrākei Trust
"""

# GPE pools (all labelled GPE).  CITIES holds towns, cities, regions,
# provinces and states; COUNTRIES holds countries.
CITIES = """
Eldoret
Nakuru
Mombasa
Arusha
Moshi
Mwanza
Dodoma
Kigali
Gisenyi
Gulu
Jinja
Mbarara
Bahir Dar
Gondar
Hawassa
Mekelle
Hargeisa
Kumasi
Tamale
Takoradi
Ibadan
Enugu
Kano
Port Harcourt
Abeokuta
Calabar
Thiès
Ziguinchor
Bamako
Ouagadougou
Lomé
Cotonou
Bulawayo
Mutare
Ndola
Kitwe
Lilongwe
Blantyre
Gaborone
Francistown
Windhoek
Swakopmund
Durban
Gqeberha
Polokwane
Bloemfontein
Stellenbosch
Tangier
Fès
Agadir
Oran
Sfax
Aswan
Luxor
Irbid
Sidon
Byblos
Erbil
Basra
Isfahan
Shiraz
Tabriz
Mashhad
Yazd
Muscat
Salalah
Sharjah
Ajman
Manama
Jeddah
Dammam
Izmir
Eskişehir
Trabzon
Gaziantep
Konya
Kutaisi
Gyumri
Almaty
Shymkent
Bishkek
Samarkand
Bukhara
Lahore
Multan
Peshawar
Faisalabad
Sylhet
Chittagong
Rajshahi
Pune
Nagpur
Coimbatore
Madurai
Kochi
Mysuru
Jaipur
Bhubaneswar
Guwahati
Indore
Kerala
Tamil Nadu
Sindh
Khyber Pakhtunkhwa
Pokhara
Kandy
Galle
Jaffna
Thimphu
Chiang Mai
Khon Kaen
Hat Yai
Luang Prabang
Vientiane
Siem Reap
Battambang
Mandalay
Hanoi
Da Nang
Hue
Can Tho
Haiphong
Cebu
Iloilo
Davao
Baguio
Bacolod
Yogyakarta
Surabaya
Bandung
Makassar
Medan
Denpasar
Aceh
West Java
Ipoh
Kuching
Kota Kinabalu
Penang
Johor Bahru
Sabah
Sarawak
Sapporo
Sendai
Kanazawa
Matsuyama
Hiroshima
Nagasaki
Okinawa
Hokkaido
Busan
Daegu
Gwangju
Jeonju
Taichung
Kaohsiung
Tainan
Chengdu
Kunming
Xiamen
Harbin
Qingdao
Sichuan
Yunnan
Ulaanbaatar
Lviv
Kharkiv
Odesa
Dnipro
Poznań
Wrocław
Łódź
Gdańsk
Lublin
Silesia
Brno
Ostrava
Olomouc
Moravia
Košice
Debrecen
Pécs
Cluj-Napoca
Timișoara
Iași
Transylvania
Plovdiv
Varna
Niš
Novi Sad
Split
Rijeka
Maribor
Tartu
Pärnu
Kaunas
Klaipėda
Daugavpils
Tampere
Oulu
Turku
Lapland
Trondheim
Tromsø
Stavanger
Bergen
Aarhus
Odense
Aalborg
Malmö
Gothenburg
Umeå
Akureyri
Galway
Cork
Limerick
Inverness
Aberdeen
Swansea
Groningen
Utrecht
Eindhoven
Ghent
Leuven
Liège
Flanders
Wallonia
Lyon
Nantes
Bordeaux
Toulouse
Montpellier
Brittany
Bilbao
Valencia
Zaragoza
Seville
Andalusia
Catalonia
Galicia
Porto
Braga
Coimbra
Bologna
Turin
Bari
Palermo
Tuscany
Sicily
Graz
Innsbruck
Linz
Freiburg
Leipzig
Dresden
Bremen
Bavaria
Basel
Lausanne
Thessaloniki
Heraklion
Medellín
Cali
Barranquilla
Cartagena
Arequipa
Cusco
Trujillo
Cochabamba
Sucre
Valparaíso
Concepción
Temuco
Rosario
Mendoza
Montevideo
Asunción
Curitiba
Recife
Belo Horizonte
Porto Alegre
Florianópolis
Manaus
Bahia
Oaxaca
Puebla
Guadalajara
Mérida
Monterrey
Chiapas
Yucatán
Quetzaltenango
Tegucigalpa
San Pedro Sula
Cuenca
Guayaquil
Suva
Nadi
Apia
Nukuʻalofa
Port Vila
Honiara
Rotorua
Dunedin
Tauranga
Whanganui
Otago
Waikato
Hilo
Cairns
Townsville
Hobart
Alice Springs
Queensland
Tasmania
Saskatoon
Winnipeg
Halifax
Iqaluit
Whitehorse
Yellowknife
Thunder Bay
Nunavut
Manitoba
Quebec
Nova Scotia
Albuquerque
Tucson
Boise
Duluth
Fairbanks
Vermont
Montana
Tigray
Oromia
KwaZulu-Natal
Gauteng
Limpopo
Western Cape
"""

COUNTRIES = """
Kenya
Ghana
Senegal
Rwanda
Uganda
Ethiopia
Tanzania
Namibia
Botswana
Zambia
Malawi
Morocco
Tunisia
Jordan
Oman
Qatar
Lebanon
Armenia
Kazakhstan
Uzbekistan
Kyrgyzstan
Mongolia
Nepal
Bhutan
Sri Lanka
Bangladesh
Pakistan
Vietnam
Cambodia
Laos
Malaysia
Indonesia
Taiwan
South Korea
Japan
Estonia
Latvia
Lithuania
Poland
Czechia
Slovakia
Slovenia
Croatia
Serbia
Albania
North Macedonia
Moldova
Romania
Bulgaria
Portugal
Ireland
Iceland
Norway
Finland
Denmark
Sweden
Belgium
Austria
Switzerland
Greece
Cyprus
Malta
Colombia
Peru
Bolivia
Chile
Uruguay
Paraguay
Ecuador
Guatemala
Costa Rica
Mexico
Brazil
Argentina
Canada
New Zealand
Australia
Fiji
Samoa
Tonga
Vanuatu
Papua New Guinea
"""

# ---------------------------------------------------------------------------
# Non-entity pools (hard negatives; never labelled).
# ---------------------------------------------------------------------------
PRODUCTS = """
Excel
PowerPoint
Notion
Trello
Figma
WhatsApp
Telegram
Kubernetes
Kafka
Flink
Postgres
Raspberry Pi
Kindle
PlayStation 5
Airtable
Jira
Zoom
M-Pesa
Photoshop
Lightroom
AutoCAD
Tableau
Power BI
Docker
Terraform
VS Code
Grafana
Obsidian
Snowflake
Spark
"""
PROG_LANGS = """
Julia
Pascal
Go
Rust
Swift
Python
Kotlin
Haskell
Elixir
Ruby
Scala
Erlang
Dart
Lua
Perl
Clojure
OCaml
Fortran
COBOL
Ada
"""
LANGUAGES = """
Portuguese
Swahili
Tagalog
Amharic
Yoruba
Farsi
Urdu
Bengali
Tamil
Vietnamese
Thai
Korean
Polish
Czech
Norwegian
Finnish
Icelandic
Estonian
Georgian
Armenian
Basque
Catalan
Welsh
Irish
Samoan
Tongan
Quechua
Guaraní
Zulu
Xhosa
Hausa
Igbo
Somali
Tigrinya
Hungarian
Romanian
Ukrainian
Greek
Turkish
Arabic
Malay
Indonesian
Dutch
German
French
Spanish
Italian
Japanese
Mandarin
Cantonese
"""
DEMONYMS = """
Nigerian
Kenyan
Pakistani
Filipino
Peruvian
Indonesian
Ghanaian
Bangladeshi
Vietnamese
Egyptian
Colombian
Ukrainian
Sri Lankan
Nepali
Moroccan
Brazilian
Mongolian
Jordanian
Tongan
Bolivian
"""
MONTHS = """
January
February
March
April
May
June
July
August
September
October
November
December
"""
WEEKDAYS = """
Monday
Tuesday
Wednesday
Thursday
Friday
Saturday
Sunday
"""
HOLIDAYS = """
Eid al-Fitr
Diwali
Ramadan
Lunar New Year
Christmas Eve
Easter
Thanksgiving
Hanukkah
Nowruz
Songkran
Tết
Holi
Vesak
Matariki
Día de los Muertos
Midsummer
Boxing Day
Good Friday
"""
JOBS = """
Head of Sales
Product Manager
Chief Financial Officer
Data Engineer
Senior Nurse
Clinical Director
Site Supervisor
Regional Manager
Dean of Admissions
Head Teacher
Procurement Lead
Compliance Officer
Staff Accountant
Operations Director
Warehouse Manager
Junior Architect
Research Assistant
Managing Partner
Customer Success Lead
Pharmacist
"""
TERMS = """
Gaussian distribution
Bayesian update
Boolean logic
Pythagorean theorem
Monte Carlo method
Markov chain
Fourier transform
Euclidean distance
Cartesian product
Poisson distribution
Laplace transform
Hessian matrix
Jacobian
Lagrangian
Riemann sum
Petri net
Venn diagram
Socratic method
Turing test
Keynesian multiplier
Newtonian mechanics
Dijkstra's algorithm
"""

LABEL = {"P": "PERSON", "O": "ORG", "U": "ORG", "H": "ORG", "A": "ORG",
         "G": "GPE", "N": "GPE"}

# ---------------------------------------------------------------------------
# Frames.  Slots: {P1} person (full), {P1.g} given, {P1.s} surname,
# {P1.lc} lower-case full name, {P1.i} initial + surname; {O1} company,
# {U1} university/school, {H1} hospital/clinic, {A1} agency/ministry/NGO,
# {G1} town/city/region, {N1} country.  Non-entity slots: {K1} product/app,
# {W1} programming language, {L1} language, {D1} demonym, {MO1} month,
# {WD1} weekday, {HO1} holiday, {J1} job title, {T1} eponymous term.
# The same slot id in one frame is the same entity; different ids are
# different entries.
# ---------------------------------------------------------------------------
ENTITY_FRAMES = r"""
Write a short bio for {P1}, a {J1} at {O1} who grew up in {G1}.
Can you turn these notes into a LinkedIn summary? {P1} – 12 years in logistics, currently at {O1} in {G1}, previously {O2}.
{P1} is a ceramic artist based in {G1}. Write a 100-word bio for the gallery page, mentioning the residency at {U1}.
make this bio sound less stiff: "{P1} studied law at {U1} and now advises {A1} on refugee policy."
I need a speaker intro for {P1} ({O1}) at our conference in {G1} next {MO1}.
Rewrite in third person: I'm {P1}, I founded {O1} in {G1} after leaving {O2}.
Draft an "About the author" paragraph for {P1.lc}, who writes about street food in {G1} and {G2}.
Write a cover letter for a {J1} role at {O1} in {G1}. My name is {P1} and I currently work at {O2}.
Help me tailor my cover letter to {O1}; the hiring manager is {P1} and the job is based in {G1}.
Is it okay to open my cover letter with "Dear Ms. {P1.s}" if I'm not sure of her title at {O1}?
I'm applying to {O1}'s graduate scheme. Can you make my opening line punchier? It currently says I studied at {U1}.
Cover letter feedback please: "{O1} has shaped how I think about payments in {N1}, and I'd love to join your {G1} team."
I was referred by {P1} from {O1}. How do I mention that in the first paragraph without sounding pushy?
Draft a recommendation letter for {P1}, who worked under me at {O1} for three years, for an MBA application to {U1}.
Prof. {P1.s} asked me to write my own reference letter for {U1} and will sign it. How should I structure it?
Write a reference for our former tenant {P1}, who rented our flat in {G1} from {MO1} to {MO2}.
Please write a strong letter of support for {P1}'s application to the {A1} fellowship.
I'm {P1}, lab head at {U1}. Draft a recommendation for my student {P2}, who is applying for a PhD at {U2}.
Write a best-man speech for {P1.g} and {P2.g}'s wedding. They met at {U1} and got engaged in {G1}.
Help me write a toast for my sister {P1.g}, who is marrying {P2} in {G1}; half the guests only speak {L1}.
Funny but kind maid-of-honour speech: the couple are {P1.g} and {P2.g}, they both work at {O1} and had their first date in {G1}.
My cousin {P1.g} is getting married in {G1} in {MO1}. I want to open the speech with a line in {L1}, then switch to English.
Write a short father-of-the-bride speech that thanks {P1} and {P2} for hosting the rehearsal dinner.
Help me write a eulogy for my grandmother {P1}, who was born in {G1} and moved to {G2} in the 1960s.
My colleague {P1} passed away last week. Write a short tribute for the {O1} staff newsletter.
I need to read a eulogy for Uncle {P1.g} at the service in {G1}. He spent forty years teaching at {U1}.
Write something gentle for a memorial card for {P1} ({G1}, 1938 – {G2}, 2024).
{P1} volunteered with {A1} for two decades; please help me put that into a eulogy without it sounding like a CV.
Plan a 10-day itinerary through {G1}, {G2} and {G3}, ending in {G4} for the flight home.
Make a 5-day trip plan for {G1} and {G2} in {MO1}; we're vegetarian and travelling with a toddler.
Is it realistic to do {G1} to {G2} by train in one day, or should we stop overnight in {G3}?
We're landing in {G1} on {WD1}. Which is better for a long weekend, {G2} or {G3}?
Build an itinerary for my parents visiting {N1}: three nights in {G1}, two in {G2}, and a day trip to {G3}.
I'm a wheelchair user flying from {G1} to {N1}. What should I ask {O1} before booking?
Compare two routes for a road trip: {G1} → {G2} → {G3}, or straight to {G4}.
Write an invitation letter for my brother {P1}, who lives in {G1}, to visit me in {N1} over {HO1}.
Draft a letter to the {N1} embassy in {G1} explaining that my employer, {O1}, will cover my travel costs.
I need a cover letter for a Schengen visa. I'm {P1}, a {D1} citizen working for {O1}, and I'm attending a trade fair in {G1}.
My visa for {N1} was refused because {A1} said my bank statements were unclear. How do I write the appeal?
Write a letter from {O1} confirming that {P1} is employed as {J1} and will return to {G1} after the trip.
Does a sponsorship letter from {U1} count as proof of funds for {A1}?
My doctor at {H1}, Dr. {P1.s}, prescribed something for my migraines. What questions should I ask at the follow-up?
Explain this discharge note from {H1} in plain language: "Pt seen by Dr. {P1}, referred to cardiology, review in 6/52."
Is {H1} or {H2} better for a second opinion on knee surgery? I live in {G1}.
My mum was admitted to {H1} in {G1}. How do I ask the ward for an update without being a pain?
Summarise what the {H1} letter says about my blood test and what Dr. {P1.s} wants me to do next.
{O1} refused my claim for the physio sessions at {H1}. Help me write a complaint.
Is it worth switching from {O1} to {O2} for family health cover in {N1}?
My car was damaged in {G1} while parked outside my office at {O1}. What do I tell my insurer?
Write a polite email to {P1} at {O1} asking why my travel insurance claim from {G1} is still pending.
My landlord, {P1}, won't return my deposit after I left the flat in {G1}. What are my options?
{O1} is my landlord's letting agent in {G1}. They want to keep £400 for "professional cleaning". Can they?
Is it legal for {O1} to change my shift pattern without notice? I work at their {G1} depot.
My employer {O1} hasn't paid my overtime since {MO1}. How do I raise it with {A1}?
Draft a letter to {P1} at {O1} formally disputing the rent increase on my apartment in {G1}.
I signed a non-compete with {O1} in {N1}. Can they stop me from joining {O2}?
The property manager, {P1.g}, keeps entering the flat without notice. Write a firm but polite message.
Help me write an HR complaint about my manager {P1}, who keeps scheduling calls at 7 pm from the {G1} office.
Rewrite this so it's factual, not emotional: "{P1.g} in Finance yelled at me again in front of the whole team."
I want to report that {P1} took credit for my {K1} dashboard in the meeting with {O1}.
Summarise this complaint for the {J1}: {P1} alleges that {P2} made comments about their accent during the {G1} offsite.
Our team lead {P1.g} refuses to approve leave over {HO1}. How do I escalate to HR at {O1} without burning bridges?
Review my personal statement for {U1}. I grew up in {G1} and I want to study marine biology.
Should I apply to {U1} or {U2} for a master's in public health? I'm from {N1}.
Write a short email to Prof. {P1} at {U1} asking whether they are taking PhD students next year.
My son got into {U1} and {U2}. Make a pros and cons table, considering we live in {G1}.
Help me answer "Why {U1}?" in under 200 words. I'm interested in their partnership with {A1}.
Translate my daughter's school report from {U1} into English; her teacher, {P1}, wrote it in {L1}.
Draft a scholarship essay about how volunteering with {A1} in {G1} changed my career plans.
Summarise this: "{O1} said on Tuesday it would close its plant in {G1}, affecting 300 workers. Chief executive {P1} blamed rising energy costs."
TL;DR please: "Residents of {G1} protested outside the offices of {O1} after {A1} approved the new quarry. Local councillor {P1} called the decision rushed."
Give me three bullet points from this article: "{P1}, a researcher at {U1}, has found that flood risk in {G1} has doubled since 2000."
Summarise in one sentence: "{O1} has acquired {O2}, a {G1}-based startup, for an undisclosed sum."
What's the main point of this paragraph? "The {G1} shipyard, once the largest employer in {G2}, was sold to {O1} in 2019."
Summarise for a newsletter: "{A1} has opened a regional office in {G1}. Director {P1} said the move would speed up aid to {N1}."
Make this news item shorter: "{P1} of {O1} and {P2} of {O2} will co-chair the summit in {G1}, organisers said."
Summarise: "{O1} laid off 40 people on Friday, weeks after {P1} stepped down as chief operating officer."
What happened in {G1} during the 1918 flu pandemic?
Why did {G1} become the regional capital instead of {G2}?
Explain the history of the {G1} salt trade for a 12-year-old.
How did {N1} and {N2} settle their border dispute?
When was {U1} founded, and who was its first rector?
Give me a timeline of the port of {G1} from the 1800s to today.
Was {G1} ever part of {N1}? My grandfather always said so.
{O1} vs {O2} for sending money to {N1} — which has lower fees?
Should our startup use {O1} or {O2} for payroll if we have staff in {N1} and {N2}?
Compare the delivery apps run by {O1} and {O2} in {G1} for a restaurant owner.
Which is cheaper for a small shop in {G1}: card readers from {O1} or {O2}?
Is {O1}'s business account better than {O2}'s for freelancers in {N1}?
I'm {P1} from {G1}. Last year I joined {O1} as {J1}, and now {O2} has offered me a role in {G2}. Can you help me write a resignation email to my manager, {P2}?
Context: {P1} runs a bakery in {G1}. The supplier, {O1}, raised prices twice this year, so the plan is to switch to {O2} in {G2}. Write a message to {O1} ending the contract.
My friends {P1.g}, {P2.g} and {P3.g} are coming to {G1} in {MO1}. Suggest a three-day plan and a restaurant near {U1}.
Background for the summary: {O1} (headquartered in {G1}) partnered with {A1} to deliver vaccines in {N1}. The project lead is {P1}. Summarise their press release in two lines.
We're a {G1}-based NGO. Our director, {P1}, wants a grant proposal for {A1}. Our partner is {U1}. Please outline the sections.
Write an email from {P1} to {P2} introducing {P3}, who just moved from {G1} to {G2} and is looking for work at {O1}.
I work at {H1} as a nurse. My supervisor {P1} and {P2} from {A1} disagree about the new rota. Summarise both positions neutrally.
Translate into {L1}: "Dear {P1}, thank you for hosting us in {G1}. We look forward to seeing you at {U1} in {MO1}."
Translate this to English: "{P1} trabaja en {O1} en {G1} desde 2019."
Translate to French: "Our office in {G1} will be closed on {WD1}; please contact {P1} for urgent matters."
What does this mean in English? "Spotkanie z {P1} w {G1} zostało przełożone."
{P1} asked me to proofread a thesis on water policy in {N1}. Where do I start?
{O1} just announced a hiring freeze. Should I still apply to their {G1} office?
{G1} or {G2} — which is better for a digital nomad on a budget?
{U1} rejected my application. Help me write a polite email asking for feedback.
{H1} sent me a bill I don't understand. Explain the line items: consultation, imaging, "facility fee".
{A1} wants the documents in {L1}. Can you translate my birth certificate summary?
{N1} requires a transit visa for some nationalities. Do I need one if I'm flying through with {O1}?
Write a thank-you note to our hosts in {G1}.
Can you explain the rules on rent increases in {G1}?
Give me a packing checklist, I'm moving to {G1} for a job at {O1}.
Our two suppliers (one in {G1}, one in {G2}) both missed the deadline. Draft a firm email.
Summarise the feedback from the panel ({P1}, {P2} and {P3}) on my grant proposal.
Write an acknowledgements paragraph thanking my supervisor ({P1}, {U1}) and the funders ({A1}).
The contract is with {O1} (formerly {O2}). Does the change of name affect my warranty?
Pitch deck help: we're a {G1}-based startup selling solar lamps in {N1}.
Write a product description for single-origin {G1} coffee beans sold by {O1}.
How do I cancel my {O1} gym membership without paying the exit fee?
What's the dress code for a {G1} wedding in {MO1}?
I'm learning {L1}. Is the accent in {G1} hard to understand for beginners?
The {G1} office wants a summary of the {G2} office's quarterly report.
pls write a bday msg for {P1.lc}, moving to {G1} next week
how do i tell {P1.g} from {O1} that the quote is too high
summarise chat w {P1.g} abt the {G1} trip, apparently flights w {O1} are cheaper
can u make this email nicer: "{P1.g}, where is the invoice?? {O1} is asking again"
Dr. {P1.s}'s clinic at {H1} has moved. Write a notice for patients.
Prof. {P1} and Ms. {P2.s} are co-authors; how do I cite them in APA?
Rewrite {P1}'s speech for the {O1} anniversary so it's under five minutes.
Mr. {P1.s} from {O1} said he'd call back on {WD1}. Draft a follow-up.
Explain to {P1.g} (who is 10) why {G1} has a different time zone from {G2}.
I'm writing a novel set in {G1}. Is it plausible that a character works at {O1} there?
Could you write a short poem for {P1.g}'s retirement from {A1}?
Translate my landlord's message from {L1}: he's {P1}, and the flat is in {G1}.
My partner {P1} and I want to adopt a dog in {G1}. What should we ask {A1}?
Help me prepare for my interview at {O1} with {P1}, the {J1}.
Can you summarise the minutes? Attendees: {P1} (chair), {P2}, {P3} ({O1}). Apologies: {P4}.
We're holding a fundraiser in {G1} for {A1}. Write an invitation signed by {P1}.
What's the best way to get from {G1} airport to the city centre late at night?
My grandfather worked at the {G1} shipyard for {O1}. Help me find archive records.
Is the tap water safe in {G1}? We're staying near {H1}.
I'm a student at {U1} on an exchange to {N1}. How do I open a bank account with {O1}?
Rewrite for a grant report: "With support from {A1}, {O1} trained 200 farmers in {G1} and {G2}."
Summarise my notes from the call with {P1} ({O1}) and {P2} ({O2}) about shipping to {N1}.
Please proofread the invitation: "{P1} and {P2} request the pleasure of your company in {G1}."
Write a LinkedIn post congratulating {P1} on joining {O1} as {J1}.
Make this Slack update clearer: "{O1} wants the {G1} numbers by {WD1}, {P1.g} is on leave."
Which documents does {A1} need for a work permit if my employer is {O1}?
Write a complaint to {O1} about a parcel that sat in {G1} for two weeks before reaching {G2}.
My daughter is doing a school project on {G1}. Give her five facts about its history and economy.
My late father, {P1}, left a house in {G1}. Explain probate in {N1} in simple terms.
Write an apology email to {P1} for missing the meeting at {O1}'s {G1} office.
Give me interview questions to ask {P1}, who led the {A1} response in {G1}.
Rank {G1}, {G2}, {G3} and {G4} for a family with two kids by safety and cost.
Explain in simple terms what {O1} does. My nephew {P1.g} just got a job there.
Turn this into a formal letter to {A1}: my passport expired while I was in {G1}.
Our volunteers from {U1} will run the workshop in {G1}. Draft the thank-you email for {P1}.
What's the etiquette for a funeral in {G1}? My friend {P1.g}'s father passed away.
Rewrite more formally: "{P1.s} confirmed that {O1} will fund the clinic in {G1}."
Write a short press release: {O1} opens its first store in {G1}, led by regional manager {P1}.
I'm hosting {P1} and {P2} from {O1}. Suggest dinner places in {G1} that are good for a business meal.
Help me reply to {P1}, who asked if our {G1} team can cover {O1}'s account during {HO1}.
Summarise this review: "Stayed at a guesthouse in {G1}, the owner {P1.g} was lovely, the transfer with {O1} was late."
I'm in {G1} and need a pharmacy that is open on {HO1}. What should I search for?
Is it rude to call my landlord {P1.g} by his first name? He's older and from {N1}.
Write me a message to {H1} cancelling the appointment with Dr. {P1.s} on {WD1}.
Make a packing list for a week in {G1} and {G2} in {MO1}.
Why does {N1} use a different plug from {N2}?
Explain the difference between {A1} and {A2} for someone who wants to donate.
{P1.g} and {P2.g} are arguing about whether {G1} is in {N1}. Who's right?
Help me write a welcome message for {P1}, our new intern from {U1}, starting at our {G1} office.
What does it mean for my pension that {O1} has entered administration?
Explain what {A1} expects from remote workers who live in {G1} but are employed by {O1}.
Write an out-of-office reply: I'm in {G1} until {MO1}; for urgent issues contact {P1} at {O1}.
Can you fact-check this? "{U1} is the oldest university in {N1}."
Write a toast for {O1}'s tenth anniversary, mentioning the founders {P1} and {P2}.
Rewrite this as a travel blog opener: "We met {P1} in {G1}, then travelled together to {G2} and {G3}."
Traduce al inglés: «{P1} llegará a {G1} el lunes con el equipo de {O1}.»
Résume ce paragraphe : « {O1} ouvre un bureau à {G1}, dirigé par {P1}. »
Übersetze bitte: „{P1} arbeitet seit März bei {O1} in {G1}.“
Format this citation in Harvard style: {P1.i} and {P2.i}, "Informal housing in {G1}", {U1} working paper.
Sign the letter as {P1.i}, Compliance Officer, {O1}, and make the tone more formal.
Summarise the thread: {P1.g} wants to move the launch to {MO1}, {P2.g} says {O1} won't be ready, and {P3.g} is waiting on {A1}.
{A1} is recruiting field staff in {G1} and {G2}. Rewrite the ad so it's shorter and friendlier.
Can you check the grammar? "Me and {P1.g} visited {G1} and {G2} last summer with {O1}."
Explain the 2015 merger between {O1} and {O2} like I'm a first-year business student.
Which is more prestigious for engineering in {N1}, {U1} or {U2}?
I'm a pharmacist in {G1}. Write a patient leaflet, and list {H1} as the referral hospital.
Rewrite this paragraph for a museum plaque: "The mill in {G1} was founded by {P1} and later run by {O1}."
My brother-in-law {P1} says {N1} has free healthcare. Is that true for visitors too?
A recruiter from {O1} named {P1} messaged me on WhatsApp. How do I check if it's a scam?
Please summarise this customer email: "Hi, this is {P1.g} from {G1}. My order from {O1} arrived broken and nobody answers."
Create a seating plan note: {P1} next to {P2}, the {O1} guests at table 4, family from {G1} at table 2.
What's the cheapest way to ship a parcel from {G1} to {G2}? I was quoted by {O1}.
Write a condolence message to {P1.g}, whose mother died in {G1} last night.
Explain what {A1} does in {N1}, in three sentences for a school assembly.
{P1.s} & {P2.s} is the name we picked for our law firm in {G1}. Write a tagline.
I interviewed {P1.g} for our podcast about growing up in {G1}. Write the episode description.
Can you write a reference for {P1.g}, our au pair, who looked after the kids in {G1} for two years?
Draft a complaint to {A1} about {O1}'s noisy construction site in {G1}.
Give me a day-by-day plan: {G1} (2 days), {G2} (3 days), {G3} (1 day), then back to {G1}.
Our choir from {G1} is touring {N1}. Write a short blurb for the {O1} event page.
Explain the insurance excess on my {O1} policy; the claim was for a burst pipe in {G1}.
The visa officer at {A1} asked for a letter from my host, {P1}. What should it include?
Rewrite this bio in the first person: "{P1} leads {O1}'s team in {G1} and sits on the board of {A1}."
"""

NEGATIVE_FRAMES = r"""
Write a cover letter for a {J1} role; I have five years of {W1} and {K1} experience.
Explain the {T1} in simple terms for a first-year student.
Translate this menu into {L1} and {L2}.
Plan a {HO1} dinner menu for eight people, two of them vegan.
What's the difference between the {T1} and the {T2}?
Should I learn {W1} or {W2} if I want to build data pipelines with {K1}?
Write a wedding speech for my best friend; keep it under three minutes and include one joke about {K1}.
Help me write a eulogy for my grandfather, a retired {J1} who loved fishing and crosswords.
Summarise this: "The {J1} said the project would slip to {MO1} because the {K1} migration failed."
My landlord wants to raise the rent by 12% in {MO1}. Is that legal for a fixed-term lease?
Will my health insurance cover physiotherapy after knee surgery if I started in {MO1}?
Grace period question: if I pay my premium on the first {WD1} of {MO1}, am I still covered?
Mark the errors in this paragraph but don't rewrite it, it's for my {L1} class.
May I ask you to rewrite my bio in a warmer tone? I'm a {J1} who builds tools in {W1}.
Hope you can help: HR says I need a doctor's note for three sick days. Is that normal?
Frank feedback please: is this recommendation letter too long for a {J1} position?
Turn this heading into a short intro paragraph: "Annual Sales Kickoff: Goals, Wins And Next Steps"
Explain the {T1} with an example involving coin flips.
Is {L1} or {L2} harder for a native {L3} speaker?
Write a {L1} phrasebook for a week-long trip: greetings, numbers, ordering food.
Compare {K1} and {K2} for a small team's project tracking.
My {K1} keeps crashing when I open large files. What can I try?
Rewrite my visa cover letter so it sounds confident but not arrogant.
Write a two-week itinerary for a beach holiday around {HO1}, nothing too touristy.
Summarise the main arguments for and against a four-day work week.
Draft a complaint to my employer about unpaid overtime since {MO1}.
Why is {HO1} celebrated on a different date each year?
I'm {D1} and moving abroad for a {J1} job. What paperwork should I sort out first?
Explain the {T1} like I'm five, then give a {W1} snippet.
Write a recommendation letter for a {J1} who is applying for promotion to {J2}.
Help me prepare for a {J1} interview; they'll ask about {K1} and {W1}.
Turkish coffee or Swiss chocolate? Write a silly debate between the two for a {HO1} party.
How do I say "thank you for your hospitality" in {L1}?
Is a Mediterranean diet good for someone with high cholesterol?
Rewrite this HR policy on {HO1} leave in plain English.
Will the {J1} need to sign off on my parental leave request?
Summarise this product review: "The {K1} is fast, but the battery barely lasts a day."
Write a sonnet about {W1} programmers arguing about tabs and spaces.
Explain why the {T1} shows up in so many machine-learning papers.
Help me write a university application essay about growing up bilingual in {L1} and {L2}.
Joy, relief and panic: write a short story opening about getting a visa approved.
Bill me later or pay now? Explain buy-now-pay-later risks to a student.
Chase the supplier politely: the invoice from {MO1} is still unpaid.
Hunter green or navy for a wedding suit in {MO1}?
Rose gold or silver? Write a product comparison for a jewellery blog.
Page through this contract and tell me which clauses a tenant should worry about.
Grant me one favour: rewrite my eulogy so it's less formal.
Draft an email to the {J1} asking to move my shift from {WD1} to {WD2}.
Translate my CV into {L1}, keeping {K1} and {W1} as they are.
What does "{T1}" mean in this paper's abstract?
Will the {D1} embassy accept a scanned bank statement, or do I need the original?
Write a {L1} translation of my wedding vows, keeping it simple.
Do {D1} nationals need a visa for a three-day layover? Give me the general rules to check.
Explain compound interest with a {K1} formula I can copy.
"""

POOL_SRC = {
    "P": PERSONS, "O": COMPANIES, "U": UNIVERSITIES, "H": HOSPITALS,
    "A": AGENCIES, "G": CITIES, "N": COUNTRIES,
    "K": PRODUCTS, "W": PROG_LANGS, "L": LANGUAGES, "D": DEMONYMS,
    "MO": MONTHS, "WD": WEEKDAYS, "HO": HOLIDAYS, "J": JOBS, "T": TERMS,
}

SLOT_RE = re.compile(r"\{([A-Z]{1,2})(\d)(?:\.(g|s|lc|i))?\}")


def lines(block):
    return [l.strip() for l in block.strip().splitlines() if l.strip()]


def parse_person(entry):
    """Return (full, given or None, surname or None)."""
    if "#" in entry:
        parts = entry.split("#")
        full = parts[0]
        given = parts[1] if len(parts) > 1 and parts[1] else None
        sur = parts[2] if len(parts) > 2 and parts[2] else None
        return full, given, sur
    if "^" in entry:
        sur, given = entry.split("^")
        return sur + " " + given, given, sur
    if "|" in entry:
        given, sur = entry.split("|")
        return given + " " + sur, given, sur
    toks = entry.split(" ")
    given, sur = toks[0], " ".join(toks[1:])
    if given.endswith("."):           # initials: never used alone
        return entry, None, sur
    return entry, given, sur


def build_pools():
    pools = {}
    for code, src in POOL_SRC.items():
        items = lines(src)
        if code == "P":
            items = [parse_person(e) for e in items if not ("^" in e and "#" in e)]
        pools[code] = items
    return pools


class Deck:
    """Seeded shuffled deck so every pool entry is used about evenly."""

    def __init__(self, items, rng):
        self.items = list(items)
        self.rng = rng
        self.cur = []

    def draw(self, avoid):
        for _ in range(3 * len(self.items) + 3):
            if not self.cur:
                self.cur = list(self.items)
                self.rng.shuffle(self.cur)
            item = self.cur.pop()
            if item not in avoid:
                return item
            self.cur.insert(0, item)
        raise RuntimeError("cannot draw distinct item")


def surface(code, item, mod):
    if code != "P":
        return item
    full, given, sur = item
    if mod == "g":
        return given or full
    if mod == "s":
        return sur or full
    if mod == "lc":
        return full.lower()
    if mod == "i":
        if given and sur and not item_is_surname_first(item):
            return given[0] + ". " + sur
        return full
    return full


def item_is_surname_first(item):
    full, given, sur = item
    return bool(given and sur and full == sur + " " + given and full != given + " " + sur)


def fill(frame, decks):
    chosen = {}
    used = {}
    out = []
    spans = []
    pos = 0
    last = 0
    for m in SLOT_RE.finditer(frame):
        lit = frame[last:m.start()]
        out.append(lit)
        pos += len(lit)
        code, idx, mod = m.group(1), m.group(2), m.group(3)
        key = code + idx
        if key not in chosen:
            chosen[key] = decks[code].draw(used.setdefault(code, []))
            used[code].append(chosen[key])
        s = surface(code, chosen[key], mod)
        out.append(s)
        if code in LABEL:
            spans.append((LABEL[code], pos, pos + len(s), s))
        pos += len(s)
        last = m.end()
    out.append(frame[last:])
    text = "".join(out)
    return text, spans


def verify(text, spans, strict_strings):
    assert text == unicodedata.normalize("NFC", text), text
    assert "\t" not in text and "\n" not in text and "\r" not in text, text
    assert all(ord(c) < 0x10000 for c in text), text
    prev_end = -1
    for label, s, e, string in sorted(spans, key=lambda x: x[1]):
        assert text[s:e] == string, (text, s, e, string)
        assert string == string.strip() and string, (text, string)
        assert s >= prev_end, ("overlap", text)
        prev_end = e
        # span must not cut a word
        assert s == 0 or not text[s - 1].isalnum(), ("cut", text, string)
        assert e == len(text) or not text[e].isalnum(), ("cut", text, string)
    covered = [False] * len(text)
    for _, s, e, _ in spans:
        for i in range(s, e):
            covered[i] = True
    # no pool entity string may occur in the text outside every span
    for string, rx in strict_strings:
        for m in rx.finditer(text):
            if not all(covered[m.start():m.end()]):
                raise AssertionError(("unlabelled entity", string, text))


def main():
    rng = random.Random(SEED)
    pools = build_pools()
    decks = {c: Deck(items, random.Random(SEED + i)) for i, (c, items) in enumerate(sorted(pools.items()))}
    ent_frames = lines(ENTITY_FRAMES)
    neg_frames = lines(NEGATIVE_FRAMES)
    assert len(set(ent_frames)) == len(ent_frames)
    assert len(set(neg_frames)) == len(neg_frames)
    for f in neg_frames:
        assert not any(m.group(1) in LABEL for m in SLOT_RE.finditer(f)), f
    for f in ent_frames:
        assert any(m.group(1) in LABEL for m in SLOT_RE.finditer(f)), f

    # strings that must never appear unlabelled (full names / org / place names)
    strict = set()
    for code in LABEL:
        for item in pools[code]:
            if code == "P":
                strict.add(item[0])
                if item[2] and len(item[2]) > 3:
                    strict.add(item[2])
            else:
                strict.add(item)
    strict_rx = [(s, re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")) for s in sorted(strict)]

    rows = []
    seen = set()

    def gen(frames, n):
        order = list(frames)
        rng.shuffle(order)
        i = 0
        made = 0
        while made < n:
            frame = order[i % len(order)]
            i += 1
            for _ in range(20):
                text, spans = fill(frame, decks)
                if text not in seen:
                    break
            else:
                continue
            verify(text, spans, strict_rx)
            seen.add(text)
            rows.append((text, spans))
            made += 1

    gen(ent_frames, N_ENTITY_SENTENCES)
    gen(neg_frames, N_NEGATIVE_SENTENCES)
    rng.shuffle(rows)

    here = os.path.dirname(os.path.abspath(__file__))
    out_path = os.path.join(here, "ner-train-c.tsv")
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        for text, spans in rows:
            sp = ";".join("%s:%d:%d" % (l, s, e) for l, s, e, _ in sorted(spans, key=lambda x: x[1]))
            fh.write(text + "\t" + sp + "\n")

    # re-read and re-verify the written file
    with open(out_path, encoding="utf-8") as fh:
        for line in fh:
            text, sp = line.rstrip("\n").split("\t")
            for part in filter(None, sp.split(";")):
                l, s, e = part.split(":")
                s, e = int(s), int(e)
                assert l in ("PERSON", "ORG", "GPE")
                assert 0 <= s < e <= len(text)
                assert len(text[:e].encode("utf-16-le")) // 2 == e  # BMP: UTF-16 == index

    if "--stats" in sys.argv:
        from collections import Counter
        c = Counter()
        distinct = {"PERSON": set(), "ORG": set(), "GPE": set()}
        no_ent = 0
        for text, spans in rows:
            if not spans:
                no_ent += 1
            for l, s, e, string in spans:
                c[l] += 1
                distinct[l].add(string)
        print("sentences:", len(rows))
        print("sentences without entity:", no_ent)
        print("entity frames:", len(ent_frames), "negative frames:", len(neg_frames))
        for l in ("PERSON", "ORG", "GPE"):
            print("%s spans: %d (distinct strings %d)" % (l, c[l], len(distinct[l])))
        print("total spans:", sum(c.values()))
        print("pool sizes: persons %d, orgs %d (companies %d, universities %d, hospitals %d, agencies/NGOs %d), places %d (towns/cities/regions %d, countries %d)" % (
            len(pools["P"]),
            len(pools["O"]) + len(pools["U"]) + len(pools["H"]) + len(pools["A"]),
            len(pools["O"]), len(pools["U"]), len(pools["H"]), len(pools["A"]),
            len(pools["G"]) + len(pools["N"]), len(pools["G"]), len(pools["N"])))
        spans_per = Counter(len(s) for _, s in rows)
        print("spans per sentence:", dict(sorted(spans_per.items())))


if __name__ == "__main__":
    main()
