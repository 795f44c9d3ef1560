// Word lists for the generator. Demo companies and contacts mirror Odoo's own demo data.
export const FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
  "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Lucas", "Emma",
  "Noah", "Olivia", "Liam", "Ava", "Mateo", "Sofia", "Hugo", "Louise", "Arthur", "Chloé", "Jules", "Léa", "Finn", "Mila",
  "Ömer", "Zoë", "Björn", "Anaïs", "Daan", "Fleur", "Ravi", "Priya", "Wei", "Mei", "Kenji", "Yuki", "Ahmed", "Fatima"];
export const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Peeters", "Janssens",
  "Maes", "Jacobs", "Dubois", "Lambert", "Dupont", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Bianchi",
  "O'Brien", "Van den Berg", "De Smet", "Nguyen", "Kowalski", "Novak", "Silva", "Santos", "Kim", "Park", "Chen", "Wang"];
export const COMPANY_A = ["Acme", "Blue", "Bright", "Cedar", "Delta", "Eagle", "Granite", "Harbor", "Iron", "Juniper", "Keystone",
  "Lakeside", "Maple", "North", "Oak", "Pioneer", "Quartz", "River", "Summit", "Timber", "United", "Vertex", "West", "Zenith"];
export const COMPANY_B = ["Furniture", "Interiors", "Office Supply", "Design", "Logistics", "Builders", "Hospitality", "Retail",
  "Studio", "Consulting", "Workspace", "Home", "Trading", "Industries", "Systems"];
export const COMPANY_C = ["Inc", "LLC", "Ltd", "SA", "NV", "GmbH", "& Co", "Group", "BV", "SRL"];
export const CITIES: ReadonlyArray<readonly [string, string, number]> = [["San Francisco", "94107", 1], ["Chicago", "60601", 1],
  ["New York", "10001", 1], ["Austin", "73301", 1], ["Seattle", "98101", 1], ["Brussels", "1000", 2], ["Antwerp", "2000", 2],
  ["Ghent", "9000", 2], ["Paris", "75001", 3], ["Lyon", "69001", 3], ["Berlin", "10115", 4], ["Munich", "80331", 4]];
export const STREETS = ["Main Street", "Oak Avenue", "Rue de la Loi", "Chaussée de Louvain", "Market Street", "Elm Road", "Kerkstraat", "Hauptstraße"];
export const FREEMAIL = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "skynet.be", "gmx.de"];
export const JUNK_EMAILS = ["n/a", "test@test", "a@b", "x@example.com", "  Spaced.Out@Example.COM  ", "NO EMAIL", "-",
  "none@none", "josé.garcía@exämple.es", "a@x.com; b@y.com", "first@one.com, second@two.com", "INFO@SHOUTING.COM", "<>", "@missing-local.com"];

export const DEMO_COMPANIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ["Wood Corner", "woodcorner.example.com", ["Ron Gibson", "Tom Ruiz", "Willie Burke"]],
  ["Deco Addict", "decoaddict.example.com", ["Addison Olson", "Douglas Fletcher", "Floyd Steward"]],
  ["Gemini Furniture", "geminifurniture.example.com", ["Edwin Hansen", "Jesse Brown", "Oscar Morgan", "Soham Palmer"]],
  ["Ready Mat", "readymat.example.com", ["Billy Fox", "Edith Sanchez", "Julie Richards", "Kim Snyder", "Sandra Neal"]],
  ["The Jackson Group", "jacksongroup.example.com", ["Gordon Owens", "Toni Jimenez"]],
  ["Azure Interior", "azureinterior.example.com", ["Brandon Freeman", "Colleen Diaz", "Nicole Ford"]],
  ["Lumber Inc", "lumberinc.example.com", ["Lorraine Douglas"]],
];

/** Odoo's demo products: name, internal reference, price in cents, and the category they are sold under. */
export type ProductKind = "furniture" | "desks" | "supplies" | "services";
export const PRODUCTS: ReadonlyArray<readonly [string, string, number, ProductKind]> = [
  ["Office Chair", "FURN_7777", 7000, "furniture"], ["Desk Combination", "FURN_7800", 45000, "desks"],
  ["Large Cabinet", "E-COM07", 32000, "furniture"], ["Customizable Desk", "FURN_0096", 75000, "desks"],
  ["Corner Desk Right Sit", "E-COM06", 14700, "desks"], ["Drawer Black", "FURN_8900", 2500, "furniture"],
  ["Conference Chair", "E-COM11", 3300, "furniture"], ["Three-Seat Sofa", "FURN_8999", 150000, "furniture"],
  ["Acoustic Bloc Screens", "FURN_6666", 29500, "furniture"], ["Cabinet with Doors", "E-COM11B", 14000, "furniture"],
  ["Large Desk", "E-COM09", 180000, "desks"], ["Pedal Bin", "E-COM10", 4700, "supplies"], ["Storage Box", "E-COM08", 1579, "supplies"],
  ["Flipover", "FURN_9001", 1950, "supplies"], ["Whiteboard Pen", "CONS_0001", 120, "supplies"], ["Office Lamp", "FURN_8888", 4000, "furniture"],
  ["Four Person Desk", "E-COM12", 235000, "desks"], ["Individual Workplace", "FURN_0789", 88500, "desks"],
  ["Virtual Home Staging", "SERV_0001", 3850, "services"], ["Furniture Delivery", "SERV_0002", 5000, "services"],
  ["Interior Design Consultation", "SERV_0003", 12000, "services"], ["Assembly Service", "SERV_0004", 9999, "services"],
];
