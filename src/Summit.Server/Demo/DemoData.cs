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

    internal static readonly NamePool Russian = new("en",
        [("Иванов", "Ivanov"), ("Смирнова", "Smirnova"), ("Кузнецов", "Kuznetsov"), ("Попова", "Popova"), ("Соколов", "Sokolov"), ("Лебедева", "Lebedeva"), ("Касперский", "Kaspersky")],
        [("Алексей", "Aleksei"), ("Мария", "Maria"), ("Дмитрий", "Dmitry"), ("Анна", "Anna"), ("Сергей", "Sergei"), ("Ольга", "Olga"), ("Евгений", "Evgeny")],
        FamilyFirst: false);

    internal static readonly NamePool Arabic = new("en",
        [("الحسن", "Al-Hassan"), ("المنصوري", "Al-Mansouri"), ("حداد", "Haddad"), ("العتيبي", "Al-Otaibi"), ("منصور", "Mansour"), ("القاسمي", "Al-Qasimi")],
        [("محمد", "Mohammed"), ("فاطمة", "Fatima"), ("أحمد", "Ahmed"), ("ليلى", "Layla"), ("عمر", "Omar"), ("نور", "Nour"), ("خالد", "Khaled")],
        FamilyFirst: false);

    internal static readonly NamePool Thai = new("en",
        [("สุวรรณ", "Suwan"), ("ศรีสุข", "Srisuk"), ("วงศ์ใหญ่", "Wongyai")],
        [("สมชาย", "Somchai"), ("มาลี", "Malee"), ("ประเสริฐ", "Prasert"), ("อรุณี", "Arunee")],
        FamilyFirst: false);

    internal static readonly NamePool Greek = new("en",
        [("Παπαδόπουλος", "Papadopoulos"), ("Γεωργίου", "Georgiou"), ("Νικολάου", "Nikolaou")],
        [("Γιώργος", "Giorgos"), ("Ελένη", "Eleni"), ("Δημήτρης", "Dimitris"), ("Μαρία", "Maria")],
        FamilyFirst: false);

    internal static readonly NamePool Latin = new("en",
        [("Smith", "Smith"), ("Müller", "Müller"), ("Dubois", "Dubois"), ("García", "García"), ("Rossi", "Rossi"), ("Silva", "Silva"),
         ("Nowak", "Nowak"), ("Jensen", "Jensen"), ("Yılmaz", "Yılmaz"), ("Nguyễn", "Nguyễn"), ("O'Brien", "O'Brien"), ("Kowalczyk", "Kowalczyk"),
         ("Fernández", "Fernández"), ("Lefèvre", "Lefèvre"), ("Schröder", "Schröder"), ("Sánchez", "Sánchez"), ("Okafor", "Okafor"),
         ("Mwangi", "Mwangi"), ("Sharma", "Sharma"), ("Patel", "Patel"), ("Santos", "Santos"), ("Johansson", "Johansson"), ("Van der Berg", "Van der Berg")],
        [("James", "James"), ("Sophie", "Sophie"), ("Lukas", "Lukas"), ("Camille", "Camille"), ("José", "José"), ("Giulia", "Giulia"),
         ("João", "João"), ("Zofia", "Zofia"), ("Søren", "Søren"), ("Ayşe", "Ayşe"), ("Minh", "Minh"), ("Chloé", "Chloé"), ("Amara", "Amara"),
         ("Wanjiru", "Wanjiru"), ("Priya", "Priya"), ("Arjun", "Arjun"), ("Elif", "Elif"), ("François", "François"), ("Mateus", "Mateus"),
         ("Ingrid", "Ingrid"), ("Chinedu", "Chinedu"), ("Emma", "Emma"), ("Noah", "Noah")],
        FamilyFirst: false);

    /// <summary>Countries and regions of the demo, with the name pool their people draw from and a weight.</summary>
    internal static readonly (string Code, NamePool Pool, int Weight)[] Countries =
    [
        ("CN", Chinese, 700), ("HK", Chinese, 20), ("MO", Chinese, 8), ("SG", Chinese, 20), ("TW", Chinese, 6),
        ("JP", Japanese, 25), ("KR", Korean, 25), ("RU", Russian, 40), ("BY", Russian, 8), ("KZ", Russian, 12), ("KG", Russian, 5),
        ("UZ", Russian, 6), ("AE", Arabic, 15), ("SA", Arabic, 12), ("EG", Arabic, 14), ("QA", Arabic, 6), ("JO", Arabic, 5),
        ("MA", Arabic, 5), ("DZ", Arabic, 4), ("TN", Arabic, 4), ("LB", Arabic, 3), ("OM", Arabic, 3), ("KW", Arabic, 3), ("TH", Thai, 15),
        ("GR", Greek, 8), ("CY", Greek, 3), ("US", Latin, 45), ("GB", Latin, 35), ("DE", Latin, 30), ("FR", Latin, 30), ("IT", Latin, 18),
        ("ES", Latin, 15), ("PT", Latin, 8), ("NL", Latin, 10), ("BE", Latin, 8), ("CH", Latin, 12), ("AT", Latin, 6), ("SE", Latin, 8),
        ("NO", Latin, 5), ("DK", Latin, 6), ("FI", Latin, 6), ("PL", Latin, 8), ("CZ", Latin, 5), ("HU", Latin, 6), ("RS", Latin, 8),
        ("RO", Latin, 5), ("BG", Latin, 4), ("HR", Latin, 3), ("IE", Latin, 4), ("TR", Latin, 12), ("IL", Latin, 6), ("IN", Latin, 20),
        ("PK", Latin, 12), ("BD", Latin, 6), ("LK", Latin, 5), ("NP", Latin, 4), ("VN", Latin, 12), ("ID", Latin, 14), ("MY", Latin, 14),
        ("PH", Latin, 8), ("KH", Latin, 6), ("LA", Latin, 6), ("MM", Latin, 4), ("MN", Latin, 5), ("AU", Latin, 12), ("NZ", Latin, 5),
        ("CA", Latin, 12), ("MX", Latin, 6), ("BR", Latin, 14), ("AR", Latin, 8), ("CL", Latin, 6), ("CO", Latin, 4), ("PE", Latin, 4),
        ("CU", Latin, 4), ("ZA", Latin, 12), ("NG", Latin, 10), ("KE", Latin, 8), ("ET", Latin, 6), ("GH", Latin, 5), ("TZ", Latin, 4),
        ("RW", Latin, 4), ("SN", Latin, 3), ("UG", Latin, 3), ("ZM", Latin, 3), ("LU", Latin, 3), ("EE", Latin, 4),
        ("LV", Latin, 3), ("LT", Latin, 3), ("IR", Arabic, 6), ("AZ", Russian, 4), ("GE", Latin, 4), ("AM", Russian, 3),
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

    internal static readonly string[] Positions =
    [
        "Minister", "Vice Minister", "Ambassador", "Director-General", "Secretary-General", "Chief Executive Officer", "Chairman",
        "President", "Vice President", "Chief Technology Officer", "Chief Information Security Officer", "Professor", "Senior Researcher",
        "Director", "Head of Policy", "Editor-in-Chief", "Correspondent", "Photographer", "Engineer", "Programme Officer", "Counsellor",
    ];

    internal static readonly string[] Titles = ["Mr", "Ms", "Dr", "Prof.", "H.E.", "Mx"];
}
