using Summit.Server.Guests.Domain;

namespace Summit.Server.Demo;

/// <summary>Name, organisation and country pools for the demo event, by writing system.</summary>
internal static class DemoData
{
    /// <summary>A person's name in its own script and in Latin letters.</summary>
    internal sealed record NamePool(string Language, (string Native, string Latin)[] Family, (string Native, string Latin)[] Given, bool FamilyFirst);

    internal static readonly NamePool Chinese = new("zh-Hans",
        [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
         ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
         ("何", "He"), ("林", "Lin"), ("罗", "Luo"), ("高", "Gao"), ("欧阳", "Ouyang"), ("司马", "Sima")],
        [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("秀英", "Xiuying"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("强", "Qiang"),
         ("磊", "Lei"), ("洋", "Yang"), ("艳", "Yan"), ("勇", "Yong"), ("军", "Jun"), ("杰", "Jie"), ("娟", "Juan"), ("涛", "Tao"),
         ("明", "Ming"), ("超", "Chao"), ("秀兰", "Xiulan"), ("霞", "Xia"), ("晓东", "Xiaodong"), ("建华", "Jianhua"), ("思远", "Siyuan")],
        FamilyFirst: true);

    internal static readonly NamePool Japanese = new("en",
        [("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("渡辺", "Watanabe"), ("伊藤", "Ito"), ("山本", "Yamamoto")],
        [("翔太", "Shota"), ("陽子", "Yoko"), ("健", "Ken"), ("美咲", "Misaki"), ("大輔", "Daisuke"), ("さくら", "Sakura"), ("拓也", "Takuya")],
        FamilyFirst: true);

    internal static readonly NamePool Korean = new("en",
        [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"), ("조", "Cho")],
        [("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("수빈", "Su-bin"), ("현우", "Hyun-woo"), ("지아", "Ji-a")],
        FamilyFirst: true);

    private static (string Native, string Latin)[] Same(params string[] names) => [.. names.Select(n => (n, n))];

    internal static readonly NamePool Russian = new("en",
        [("Иванов", "Ivanov"), ("Смирнова", "Smirnova"), ("Кузнецов", "Kuznetsov"), ("Попова", "Popova"), ("Соколов", "Sokolov"), ("Лебедева", "Lebedeva"), ("Касперский", "Kaspersky")],
        [("Алексей", "Aleksei"), ("Мария", "Maria"), ("Дмитрий", "Dmitry"), ("Анна", "Anna"), ("Сергей", "Sergei"), ("Ольга", "Olga"), ("Евгений", "Evgeny")],
        FamilyFirst: false);

    internal static readonly NamePool CentralAsian = new("en",
        [("Нурланов", "Nurlanov"), ("Абдуллаев", "Abdullaev"), ("Сейтказиева", "Seitkazieva"), ("Юсупов", "Yusupov"), ("Каримова", "Karimova"), ("Жумабеков", "Zhumabekov")],
        [("Айгерим", "Aigerim"), ("Нурлан", "Nurlan"), ("Дильноза", "Dilnoza"), ("Тимур", "Timur"), ("Жанар", "Zhanar"), ("Бекзат", "Bekzat")],
        FamilyFirst: false);

    internal static readonly NamePool Arabic = new("en",
        [("الحسن", "Al-Hassan"), ("المنصوري", "Al-Mansouri"), ("حداد", "Haddad"), ("العتيبي", "Al-Otaibi"), ("منصور", "Mansour"), ("القاسمي", "Al-Qasimi")],
        [("محمد", "Mohammed"), ("فاطمة", "Fatima"), ("أحمد", "Ahmed"), ("ليلى", "Layla"), ("عمر", "Omar"), ("نور", "Nour"), ("خالد", "Khaled")],
        FamilyFirst: false);

    internal static readonly NamePool Persian = new("en",
        [("حسینی", "Hosseini"), ("رضایی", "Rezaei"), ("محمدی", "Mohammadi"), ("کریمی", "Karimi"), ("احمدی", "Ahmadi")],
        [("علی", "Ali"), ("زهرا", "Zahra"), ("مریم", "Maryam"), ("رضا", "Reza"), ("سارا", "Sara"), ("امیر", "Amir")],
        FamilyFirst: false);

    internal static readonly NamePool Hebrew = new("en",
        [("כהן", "Cohen"), ("לוי", "Levi"), ("מזרחי", "Mizrahi"), ("פרץ", "Peretz"), ("ביטון", "Biton")],
        [("נועה", "Noa"), ("יוסף", "Yosef"), ("תמר", "Tamar"), ("דוד", "David"), ("מיכל", "Michal"), ("איתי", "Itai")],
        FamilyFirst: false);

    internal static readonly NamePool Thai = new("en",
        [("สุวรรณ", "Suwan"), ("ศรีสุข", "Srisuk"), ("วงศ์ใหญ่", "Wongyai")],
        [("สมชาย", "Somchai"), ("มาลี", "Malee"), ("ประเสริฐ", "Prasert"), ("อรุณี", "Arunee")],
        FamilyFirst: false);

    internal static readonly NamePool Greek = new("en",
        [("Παπαδόπουλος", "Papadopoulos"), ("Γεωργίου", "Georgiou"), ("Νικολάου", "Nikolaou")],
        [("Γιώργος", "Giorgos"), ("Ελένη", "Eleni"), ("Δημήτρης", "Dimitris"), ("Μαρία", "Maria")],
        FamilyFirst: false);

    // Latin-script pools, one per language area, so that a name belongs to the countries where people carry it.
    internal static readonly NamePool English = new("en",
        Same("Smith", "Johnson", "Williams", "Brown", "Taylor", "Davies", "Walsh", "Murphy", "Campbell", "Clarke", "Thompson", "Mitchell", "O'Brien"),
        Same("James", "Emily", "Oliver", "Sarah", "Michael", "Jessica", "Daniel", "Hannah", "Thomas", "Rachel", "Liam", "Grace", "Noah", "Emma"), FamilyFirst: false);

    internal static readonly NamePool German = new("en",
        Same("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schröder", "Huber"),
        Same("Lukas", "Anna", "Felix", "Lena", "Jonas", "Katharina", "Maximilian", "Sophie", "Tobias", "Julia"), FamilyFirst: false);

    internal static readonly NamePool French = new("en",
        Same("Dubois", "Martin", "Bernard", "Lefèvre", "Moreau", "Laurent", "Girard", "Fournier", "Rousseau", "Mercier"),
        Same("Camille", "Julien", "Chloé", "Mathieu", "Élodie", "François", "Manon", "Antoine", "Léa", "Nicolas"), FamilyFirst: false);

    internal static readonly NamePool Italian = new("en",
        Same("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"),
        Same("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Matteo", "Elena", "Davide"), FamilyFirst: false);

    internal static readonly NamePool Spanish = new("en",
        Same("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz", "Torres", "Ramírez"),
        Same("José", "María", "Carlos", "Lucía", "Javier", "Carmen", "Diego", "Valentina", "Pablo", "Sofía", "Alejandro", "Isabel"), FamilyFirst: false);

    internal static readonly NamePool Portuguese = new("en",
        Same("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Ferreira", "Almeida", "Carvalho", "Ribeiro"),
        Same("João", "Ana", "Mateus", "Beatriz", "Pedro", "Mariana", "Rafael", "Camila", "Gabriel", "Larissa"), FamilyFirst: false);

    internal static readonly NamePool Dutch = new("en",
        Same("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer"),
        Same("Daan", "Sanne", "Thijs", "Femke", "Bram", "Lotte", "Ruben", "Anouk"), FamilyFirst: false);

    internal static readonly NamePool Nordic = new("en",
        Same("Johansson", "Andersson", "Nilsson", "Hansen", "Jensen", "Nielsen", "Larsen", "Lindqvist"),
        Same("Søren", "Ingrid", "Erik", "Astrid", "Lars", "Sigrid", "Nils", "Freja"), FamilyFirst: false);

    internal static readonly NamePool Finnish = new("en",
        Same("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine"), Same("Mikko", "Aino", "Juha", "Elina", "Ville"), FamilyFirst: false);

    internal static readonly NamePool Baltic = new("en",
        Same("Tamm", "Saar", "Kask", "Bērziņš", "Kalniņš", "Kazlauskas", "Petrauskas"), Same("Kristjan", "Liis", "Jānis", "Ilze", "Tomas", "Rūta"), FamilyFirst: false);

    internal static readonly NamePool Polish = new("en",
        Same("Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska"), Same("Zofia", "Piotr", "Katarzyna", "Tomasz", "Agnieszka", "Marek"), FamilyFirst: false);

    internal static readonly NamePool Czech = new("en",
        Same("Novák", "Svoboda", "Dvořák", "Černá", "Procházková"), Same("Jan", "Petra", "Tomáš", "Lucie", "Jakub"), FamilyFirst: false);

    internal static readonly NamePool Hungarian = new("en",
        Same("Nagy", "Kovács", "Tóth", "Szabó", "Horváth"), Same("Bence", "Eszter", "Gábor", "Zsófia", "Dániel"), FamilyFirst: true);

    internal static readonly NamePool Romanian = new("en",
        Same("Popescu", "Ionescu", "Popa", "Dumitru", "Stan"), Same("Andrei", "Ioana", "Mihai", "Elena", "Cristian"), FamilyFirst: false);

    internal static readonly NamePool SouthSlavic = new("en",
        Same("Jovanović", "Petrović", "Nikolić", "Horvat", "Kovačević", "Dimitrov", "Georgieva"), Same("Marko", "Jelena", "Nikola", "Milica", "Stefan", "Ivana"), FamilyFirst: false);

    internal static readonly NamePool Turkish = new("en",
        Same("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"), Same("Elif", "Mehmet", "Zeynep", "Emre", "Ayşe", "Burak"), FamilyFirst: false);

    internal static readonly NamePool Caucasian = new("en",
        Same("Aliyev", "Mammadova", "Harutyunyan", "Petrosyan", "Beridze", "Gelashvili"), Same("Rashad", "Leyla", "Armen", "Anahit", "Giorgi", "Nino"), FamilyFirst: false);

    internal static readonly NamePool Indian = new("en",
        Same("Sharma", "Patel", "Singh", "Gupta", "Iyer", "Reddy", "Nair"), Same("Priya", "Arjun", "Ananya", "Rahul", "Deepika", "Vikram"), FamilyFirst: false);

    internal static readonly NamePool Pakistani = new("en",
        Same("Khan", "Hussain", "Qureshi", "Malik", "Butt"), Same("Ayesha", "Imran", "Sana", "Bilal", "Hina"), FamilyFirst: false);

    internal static readonly NamePool Bengali = new("en",
        Same("Rahman", "Hossain", "Chowdhury", "Islam"), Same("Nusrat", "Tanvir", "Farhana", "Rafiq"), FamilyFirst: false);

    internal static readonly NamePool SriLankan = new("en",
        Same("Perera", "Jayawardena", "Wickramasinghe", "Bandara"), Same("Nimal", "Dilani", "Kasun", "Chamari"), FamilyFirst: false);

    internal static readonly NamePool Nepali = new("en",
        Same("Shrestha", "Thapa", "Gurung", "Adhikari"), Same("Sita", "Bishal", "Anjali", "Prakash"), FamilyFirst: false);

    internal static readonly NamePool Vietnamese = new("en",
        Same("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"), Same("Minh", "Lan", "Hùng", "Thảo", "Tuấn", "Linh"), FamilyFirst: true);

    internal static readonly NamePool Indonesian = new("en",
        Same("Santoso", "Wijaya", "Hidayat", "Kusuma", "Saputra"), Same("Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri"), FamilyFirst: false);

    internal static readonly NamePool Malay = new("en",
        Same("Abdullah", "Ibrahim", "Ismail", "Rahim", "Yusof"), Same("Ahmad", "Nurul", "Faizal", "Aisyah", "Hafiz"), FamilyFirst: false);

    internal static readonly NamePool Filipino = new("en",
        Same("Reyes", "Cruz", "Bautista", "Mendoza", "Villanueva"), Same("Angelica", "Mark", "Kristine", "Paolo", "Joy"), FamilyFirst: false);

    internal static readonly NamePool Mainland = new("en",
        Same("Sok", "Chea", "Heng", "Phommachanh", "Souvannavong", "Keomany", "Aung", "Htun"), Same("Dara", "Sopheap", "Somphone", "Khamla", "Kyaw", "Thandar"), FamilyFirst: false);

    internal static readonly NamePool Mongolian = new("en",
        Same("Ganbaatar", "Batbayar", "Enkhbold", "Tsedev"), Same("Tuya", "Bat-Erdene", "Oyunchimeg", "Temuulen"), FamilyFirst: false);

    internal static readonly NamePool WestAfrican = new("en",
        Same("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Mensah", "Owusu", "Boateng", "Diop", "Ndiaye"), Same("Chinedu", "Ngozi", "Tunde", "Kwame", "Ama", "Kofi", "Aminata", "Moussa"), FamilyFirst: false);

    internal static readonly NamePool EastAfrican = new("en",
        Same("Mwangi", "Otieno", "Kamau", "Mushi", "Okello", "Mugisha", "Uwimana", "Habimana", "Tesfaye", "Bekele"), Same("Wanjiru", "Achieng", "Baraka", "Neema", "Nakato", "Aline", "Abebe", "Meron"), FamilyFirst: false);

    internal static readonly NamePool SouthernAfrican = new("en",
        Same("Nkosi", "Dlamini", "Botha", "van der Merwe", "Naidoo", "Banda", "Phiri", "Mwale"), Same("Thabo", "Lerato", "Pieter", "Nomvula", "Sipho", "Chanda", "Mulenga"), FamilyFirst: false);

    /// <summary>Countries and regions of the demo, with the name pool their people draw from and a weight.</summary>
    internal static readonly (string Code, NamePool Pool, int Weight)[] Countries =
    [
        ("CN", Chinese, 700), ("HK", Chinese, 20), ("MO", Chinese, 8), ("SG", Chinese, 20), ("TW", Chinese, 6),
        ("JP", Japanese, 25), ("KR", Korean, 25), ("RU", Russian, 40), ("BY", Russian, 8), ("KZ", CentralAsian, 12), ("KG", CentralAsian, 5),
        ("UZ", CentralAsian, 6), ("AE", Arabic, 15), ("SA", Arabic, 12), ("EG", Arabic, 14), ("QA", Arabic, 6), ("JO", Arabic, 5),
        ("MA", Arabic, 5), ("DZ", Arabic, 4), ("TN", Arabic, 4), ("LB", Arabic, 3), ("OM", Arabic, 3), ("KW", Arabic, 3), ("TH", Thai, 15),
        ("GR", Greek, 8), ("CY", Greek, 3), ("US", English, 45), ("GB", English, 35), ("DE", German, 30), ("FR", French, 30), ("IT", Italian, 18),
        ("ES", Spanish, 15), ("PT", Portuguese, 8), ("NL", Dutch, 10), ("BE", French, 8), ("CH", German, 12), ("AT", German, 6), ("SE", Nordic, 8),
        ("NO", Nordic, 5), ("DK", Nordic, 6), ("FI", Finnish, 6), ("PL", Polish, 8), ("CZ", Czech, 5), ("HU", Hungarian, 6), ("RS", SouthSlavic, 8),
        ("RO", Romanian, 5), ("BG", SouthSlavic, 4), ("HR", SouthSlavic, 3), ("IE", English, 4), ("TR", Turkish, 12), ("IL", Hebrew, 6), ("IN", Indian, 20),
        ("PK", Pakistani, 12), ("BD", Bengali, 6), ("LK", SriLankan, 5), ("NP", Nepali, 4), ("VN", Vietnamese, 12), ("ID", Indonesian, 14), ("MY", Malay, 14),
        ("PH", Filipino, 8), ("KH", Mainland, 6), ("LA", Mainland, 6), ("MM", Mainland, 4), ("MN", Mongolian, 5), ("AU", English, 12), ("NZ", English, 5),
        ("CA", English, 12), ("MX", Spanish, 6), ("BR", Portuguese, 14), ("AR", Spanish, 8), ("CL", Spanish, 6), ("CO", Spanish, 4), ("PE", Spanish, 4),
        ("CU", Spanish, 4), ("ZA", SouthernAfrican, 12), ("NG", WestAfrican, 10), ("KE", EastAfrican, 8), ("ET", EastAfrican, 6), ("GH", WestAfrican, 5), ("TZ", EastAfrican, 4),
        ("RW", EastAfrican, 4), ("SN", WestAfrican, 3), ("UG", EastAfrican, 3), ("ZM", SouthernAfrican, 3), ("LU", French, 3), ("EE", Baltic, 4),
        ("LV", Baltic, 3), ("LT", Baltic, 3), ("IR", Persian, 6), ("AZ", Caucasian, 4), ("GE", Caucasian, 4), ("AM", Caucasian, 3),
    ];

    internal static readonly string[] Companies =
    [
        "Huawei Technologies", "Alibaba Group", "Tencent", "Baidu", "China Electronics Technology Group (CETC)", "Kaspersky Lab", "Xiaomi",
        "ZTE", "China Mobile", "China Telecom", "China Unicom", "Lenovo", "JD.com", "ByteDance", "Qualcomm", "Microsoft", "Intel", "Tesla",
        "Cisco", "SAP", "Nokia", "Ericsson", "Samsung Electronics", "SoftBank", "NetEase", "iFlytek", "Qi An Xin", "Hikvision", "SenseTime",
        "Meituan", "Didi", "Ant Group", "Sina Weibo", "Pinduoduo", "Siemens", "Arm", "Cloudflare", "Zoom", "Trend Micro", "Check Point",
    ];

    internal static readonly string[] InternationalOrganizations =
    [
        "United Nations Department of Economic and Social Affairs (UN DESA)", "International Telecommunication Union (ITU)",
        "World Intellectual Property Organization (WIPO)", "GSMA", "UNESCO", "World Economic Forum", "ICANN", "Internet Society",
        "Shanghai Cooperation Organisation", "ASEAN Secretariat", "African Union Commission", "World Bank",
    ];

    internal static readonly string[] IndustryAssociations =
    [
        "Internet Society of China", "China Federation of Internet Societies", "Cyber Security Association of China",
        "Digital Europe", "Information Technology Industry Council", "Japan Electronics and IT Industries Association",
        "Russian Association for Electronic Communications", "Korea Internet Corporations Association",
    ];

    internal static readonly string[] Universities =
    [
        "Tsinghua University", "Peking University", "Zhejiang University", "Shanghai Jiao Tong University", "Fudan University",
        "Massachusetts Institute of Technology", "University of Oxford", "University of Cambridge", "Stanford University",
        "National University of Singapore", "Lomonosov Moscow State University", "University of Tokyo", "KAIST", "ETH Zurich",
        "University of Cape Town", "Cairo University", "Universidade de São Paulo", "Sorbonne Université", "TU München",
    ];

    internal static readonly string[] ThinkTanks =
    [
        "China Academy of Information and Communications Technology", "Chinese Academy of Cyberspace Studies", "Brookings Institution",
        "Chatham House", "Carnegie Endowment for International Peace", "Valdai Discussion Club", "Observer Research Foundation",
        "Centre for International Governance Innovation", "China Institutes of Contemporary International Relations",
    ];

    internal static readonly string[] ResearchInstitutes =
    [
        "Chinese Academy of Sciences", "Chinese Academy of Engineering", "Zhejiang Lab", "Fraunhofer Society", "Max Planck Institute for Informatics",
        "RIKEN", "Pengcheng Laboratory", "Russian Academy of Sciences", "CSIRO", "Inria",
    ];

    internal static readonly string[] Media =
    [
        "Xinhua News Agency", "People's Daily", "CGTN", "China Daily", "Zhejiang Daily", "Reuters", "Associated Press", "AFP", "BBC",
        "Bloomberg", "TASS", "Al Jazeera", "NHK", "Yonhap", "Financial Times", "South China Morning Post", "Caixin", "The Paper",
    ];

    internal static readonly string[] GovernmentBodies =
    [
        "Ministry of Digital Development", "Ministry of Foreign Affairs", "Ministry of Communications", "National Cyber Security Agency",
        "Ministry of Industry and Information Technology", "Ministry of Science and Technology", "Embassy", "Data Protection Authority",
    ];

    /// <summary>What people of a category do, where the category says it (an exhibitor is not a professor, a volunteer not a minister).</summary>
    internal static readonly Dictionary<string, string[]> PositionsByCategory = new()
    {
        ["Exhibitor"] = ["Sales Director", "Solutions Architect", "Product Manager", "Booth Manager", "Marketing Manager", "Business Development Manager"],
        ["Media"] = ["Correspondent", "Editor-in-Chief", "Photographer", "Video Journalist", "Reporter", "Producer"],
        ["Staff"] = ["Protocol Officer", "Accreditation Officer", "Operations Coordinator", "Interpreter", "Press Officer"],
        ["Volunteer"] = ["Volunteer Guide", "Information Desk Volunteer", "Language Volunteer", "Shuttle Desk Volunteer"],
        ["Contractor"] = ["Stage Technician", "Audio-Visual Engineer", "Catering Supervisor", "Security Supervisor", "Network Engineer"],
    };

    /// <summary>Positions of the other categories, by the kind of organisation the guest comes from.</summary>
    internal static readonly Dictionary<OrganisationType, string[]> PositionsByOrganisation = new()
    {
        [OrganisationType.Government] = ["Minister", "Vice Minister", "Ambassador", "Director-General", "Counsellor", "Head of Division"],
        [OrganisationType.InternationalOrganization] = ["Secretary-General", "Director", "Programme Officer", "Senior Policy Adviser"],
        [OrganisationType.IndustryAssociation] = ["Secretary-General", "Chairman", "Vice President", "Policy Director"],
        [OrganisationType.Company] = ["Chief Executive Officer", "Chief Technology Officer", "Chief Information Security Officer", "Vice President", "Chairman", "Senior Engineer"],
        [OrganisationType.University] = ["Professor", "Associate Professor", "Dean", "Lecturer"],
        [OrganisationType.ThinkTank] = ["Senior Fellow", "Research Director", "President", "Head of Policy"],
        [OrganisationType.ResearchInstitute] = ["Senior Researcher", "Chief Scientist", "Research Fellow", "Director"],
        [OrganisationType.Media] = ["Correspondent", "Editor-in-Chief", "Photographer", "Reporter"],
    };

    /// <summary>Positions that carry a form of address: the others get "Dr" now and then, or none.</summary>
    internal static readonly Dictionary<string, string> TitleOfPosition = new()
    {
        ["Minister"] = "H.E.",
        ["Vice Minister"] = "H.E.",
        ["Ambassador"] = "H.E.",
        ["Professor"] = "Prof.",
        ["Associate Professor"] = "Prof.",
    };

}
