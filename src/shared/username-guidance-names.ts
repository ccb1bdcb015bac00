/**
 * The lists behind the username guidance: common first names and place names
 * from many countries, written for Cam-Party. Names that are also everyday
 * English words (Frank, Carol, Heather, Phoenix, Java...) are left out on
 * purpose: a warning on "frank_talk" would teach people to ignore warnings.
 */

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aaron', 'Abdullah', 'Abigail', 'Adam', 'Adrian', 'Adriana', 'Ahmad', 'Ahmed', 'Aiden', 'Aisha',
  'Alan', 'Albert', 'Alberto', 'Alejandro', 'Alex', 'Alexa', 'Alexander', 'Alexandra', 'Alexis', 'Ali',
  'Alice', 'Alicia', 'Alina', 'Alisha', 'Allison', 'Amanda', 'Amelia', 'Amir', 'Amy', 'Ana', 'Andre',
  'Andrea', 'Andreas', 'Andrew', 'Andy', 'Angela', 'Anika', 'Anita', 'Ann', 'Anna', 'Anne', 'Annie',
  'Anthony', 'Antonio', 'Anya', 'Ariana', 'Arjun', 'Arthur', 'Aryan', 'Ashley', 'Astrid', 'Aubrey', 'Audrey',
  'Ava', 'Ayesha', 'Barbara', 'Beatriz', 'Ben', 'Benjamin', 'Bernard', 'Beth', 'Bethany', 'Bianca', 'Bjorn',
  'Boris', 'Brandon', 'Brenda', 'Brian', 'Brianna', 'Brittany', 'Bruno', 'Caleb', 'Camila', 'Carla', 'Carlos',
  'Carmen', 'Caroline', 'Carolyn', 'Catherine', 'Cecilia', 'Charles', 'Charlie', 'Charlotte', 'Chen', 'Chloe',
  'Chris', 'Christian', 'Christina', 'Christine', 'Christopher', 'Claire', 'Clara', 'Claudia', 'Cody',
  'Colin', 'Connor', 'Cristina', 'Cynthia', 'Daniel', 'Daniela', 'Danielle', 'Darius', 'David', 'Deborah',
  'Denise', 'Dennis', 'Derek', 'Diana', 'Diego', 'Dimitri', 'Dmitri', 'Dominic', 'Donald', 'Dylan', 'Edward',
  'Elena', 'Eli', 'Elias', 'Elijah', 'Elizabeth', 'Ella', 'Ellie', 'Emilia', 'Emily', 'Emma', 'Emmanuel',
  'Eric', 'Erik', 'Erin', 'Ethan', 'Eva', 'Evelyn', 'Fatima', 'Fatma', 'Felipe', 'Felix', 'Fernando', 'Fiona',
  'Francesca', 'Francesco', 'Francisco', 'Freya', 'Gabriel', 'Gabriela', 'Gabriella', 'Gary', 'George',
  'Georgia', 'Giovanni', 'Giulia', 'Gloria', 'Gregory', 'Hamza', 'Hannah', 'Harper', 'Hassan', 'Helen',
  'Helena', 'Henry', 'Hiroshi', 'Hugo', 'Hussein', 'Ian', 'Ibrahim', 'Igor', 'Ingrid', 'Irina', 'Isaac',
  'Isabel', 'Isabella', 'Isaiah', 'Ivan', 'Jacob', 'Jake', 'James', 'Jamie', 'Jane', 'Janet', 'Jason',
  'Javier', 'Jeffrey', 'Jennifer', 'Jenny', 'Jeremy', 'Jessica', 'Joanna', 'Joe', 'John', 'Johnny', 'Jonas',
  'Jonathan', 'Jordan', 'Jorge', 'Jose', 'Joseph', 'Joshua', 'Juan', 'Julia', 'Julian', 'Juliana', 'Julie',
  'Justin', 'Kaitlyn', 'Karen', 'Karim', 'Katherine', 'Kathleen', 'Katie', 'Kayla', 'Keith', 'Kelly', 'Kenji',
  'Kenneth', 'Kevin', 'Khalid', 'Kimberly', 'Kofi', 'Kyle', 'Lars', 'Laura', 'Lauren', 'Layla', 'Leah',
  'Leila', 'Lena', 'Leo', 'Leon', 'Leonardo', 'Liam', 'Linda', 'Lisa', 'Logan', 'Lorenzo', 'Louis', 'Lucas',
  'Lucia', 'Luis', 'Luka', 'Luke', 'Madison', 'Magdalena', 'Maria', 'Mariam', 'Marie', 'Mario', 'Martin',
  'Mary', 'Mateo', 'Mateus', 'Matthew', 'Maya', 'Megan', 'Mehmet', 'Mei', 'Melissa', 'Mia', 'Michael',
  'Michelle', 'Miguel', 'Mila', 'Mohammed', 'Muhammad', 'Mustafa', 'Nadia', 'Naomi', 'Natalia', 'Natalie',
  'Nathan', 'Nicholas', 'Nicole', 'Nikita', 'Nikolai', 'Nina', 'Noah', 'Nora', 'Nuno', 'Olga', 'Oliver',
  'Olivia', 'Omar', 'Oscar', 'Pablo', 'Pamela', 'Patricia', 'Patrick', 'Paul', 'Paula', 'Pedro', 'Peter',
  'Philip', 'Pierre', 'Priya', 'Rachel', 'Rafael', 'Rahul', 'Rajesh', 'Ravi', 'Rebecca', 'Ricardo', 'Richard',
  'Robert', 'Roberto', 'Ryan', 'Samantha', 'Samuel', 'Sandra', 'Sanjay', 'Santiago', 'Sara', 'Sarah',
  'Scarlett', 'Sean', 'Sebastian', 'Sergei', 'Sergio', 'Shirley', 'Simon', 'Sofia', 'Sophia', 'Sophie',
  'Stephanie', 'Stephen', 'Steven', 'Susan', 'Sven', 'Svetlana', 'Tariq', 'Tatiana', 'Theo', 'Theodore',
  'Thomas', 'Timothy', 'Tyler', 'Valentina', 'Vanessa', 'Victoria', 'Vincent', 'Virginia', 'Wei', 'Wendy',
  'William', 'Xavier', 'Yasmin', 'Yuki', 'Yusuf', 'Zachary', 'Zainab', 'Zara', 'Zoe',
];

/** Countries, large cities, states and regions; several words are written with their spaces ("New York"). */
export const PLACE_NAMES: readonly string[] = [
  'Aarhus', 'Aberdeen', 'Abu Dhabi', 'Abuja', 'Accra', 'Addis', 'Adelaide', 'Afghanistan', 'Alabama',
  'Alaska', 'Albania', 'Alberta', 'Algeria', 'Algiers', 'Almaty', 'Amman', 'Amsterdam', 'Andalusia', 'Ankara',
  'Antwerp', 'Argentina', 'Arizona', 'Arkansas', 'Armenia', 'Asuncion', 'Athens', 'Atlanta', 'Auckland',
  'Austin', 'Australia', 'Austria', 'Baghdad', 'Baku', 'Bali', 'Baltimore', 'Bangalore', 'Bangkok',
  'Bangladesh', 'Barcelona', 'Bavaria', 'Beijing', 'Beirut', 'Belarus', 'Belfast', 'Belgium', 'Belgrade',
  'Bergen', 'Berlin', 'Bilbao', 'Birmingham', 'Bogota', 'Bolivia', 'Bordeaux', 'Borneo', 'Bosnia',
  'Boston', 'Brazil', 'Bremen', 'Brighton', 'Brisbane', 'Bristol', 'Bronx', 'Brooklyn', 'Brussels',
  'Bucharest', 'Budapest', 'Buenos Aires', 'Bulgaria', 'Busan', 'Cairo', 'Calgary', 'California', 'Cambodia',
  'Cambridge', 'Cameroon', 'Canada', 'Canberra', 'Cape Town', 'Caracas', 'Cardiff', 'Casablanca', 'Catalonia',
  'Chengdu', 'Chennai', 'Chicago', 'Christchurch', 'Colombia', 'Colombo', 'Colorado', 'Connecticut',
  'Copenhagen', 'Cornwall', 'Costa Rica', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Dallas', 'Damascus',
  'Delaware', 'Delhi', 'Denmark', 'Denver', 'Detroit', 'Devon', 'Dhaka', 'Doha', 'Dominican Republic',
  'Dortmund', 'Dresden', 'Dubai', 'Dublin', 'Dundee', 'Ecuador', 'Edinburgh', 'Egypt', 'Eindhoven',
  'El Salvador', 'England', 'Essex', 'Estonia', 'Ethiopia', 'Finland', 'Florence', 'Florida', 'France',
  'Frankfurt', 'Gdansk', 'Geneva', 'Georgia', 'Germany', 'Ghana', 'Ghent', 'Glasgow', 'Gothenburg', 'Greece',
  'Guadalajara', 'Guangzhou', 'Guatemala', 'Haiti', 'Hamburg', 'Hanoi', 'Hanover', 'Harare', 'Harlem',
  'Havana', 'Hawaii', 'Helsinki', 'Hiroshima', 'Ho Chi Minh', 'Hollywood', 'Honduras', 'Hong Kong', 'Houston',
  'Hungary', 'Hyderabad', 'Iceland', 'Idaho', 'Illinois', 'India', 'Indiana', 'Indonesia', 'Iowa', 'Iran',
  'Iraq', 'Ireland', 'Israel', 'Istanbul', 'Italy', 'Izmir', 'Jakarta', 'Jamaica', 'Japan', 'Jerusalem',
  'Johannesburg', 'Jordan', 'Kampala', 'Kansas', 'Kansas City', 'Karachi', 'Kathmandu', 'Kazakhstan', 'Kent',
  'Kentucky', 'Kenya', 'Kharkiv', 'Khartoum', 'Kiev', 'Kigali', 'Kinshasa', 'Kolkata', 'Korea', 'Kosovo',
  'Krakow', 'Kuala Lumpur', 'Kyiv', 'Kyoto', 'Lagos', 'Lahore', 'Las Vegas', 'Latvia', 'Lebanon', 'Leeds',
  'Leicester', 'Leipzig', 'Libya', 'Lille', 'Lima', 'Lisbon', 'Lithuania', 'Liverpool', 'London',
  'Los Angeles', 'Louisiana', 'Luanda', 'Lusaka', 'Luxembourg', 'Lviv', 'Lyon', 'Madrid', 'Maine', 'Malaga',
  'Malaysia', 'Manchester', 'Manhattan', 'Manila', 'Manitoba', 'Marseille', 'Maryland', 'Massachusetts',
  'Medellin', 'Melbourne', 'Memphis', 'Mexico', 'Mexico City', 'Miami', 'Michigan', 'Milan', 'Minneapolis',
  'Minnesota', 'Minsk', 'Mississippi', 'Missouri', 'Moldova', 'Mongolia', 'Montana', 'Monterrey',
  'Montevideo', 'Montreal', 'Morocco', 'Moscow', 'Mumbai', 'Munich', 'Nagoya', 'Nairobi', 'Nantes',
  'Naples', 'Nashville', 'Nebraska', 'Nepal', 'Netherlands', 'Nevada', 'New Delhi', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New Orleans', 'New York', 'New Zealand', 'Newcastle', 'Nigeria',
  'North Carolina', 'North Dakota', 'Northern Ireland', 'Norway', 'Nottingham', 'Oakland', 'Odessa', 'Ohio',
  'Oklahoma', 'Ontario', 'Oregon', 'Orlando', 'Osaka', 'Oslo', 'Ottawa', 'Oxford', 'Pakistan', 'Palermo',
  'Palestine', 'Panama', 'Paraguay', 'Paris', 'Pennsylvania', 'Perth', 'Peru', 'Philadelphia', 'Philippines',
  'Plymouth', 'Poland', 'Portland', 'Porto', 'Portsmouth', 'Portugal', 'Prague', 'Puerto Rico', 'Pune',
  'Quebec', 'Quito', 'Rhode Island', 'Riga', 'Rio de Janeiro', 'Riyadh', 'Romania', 'Rome', 'Rotterdam',
  'Russia', 'Sacramento', 'Salt Lake City', 'San Antonio', 'San Diego', 'San Francisco', 'Santiago',
  'Sao Paulo', 'Sapporo', 'Sardinia', 'Saudi Arabia', 'Scotland', 'Seattle', 'Senegal', 'Seoul', 'Serbia',
  'Seville', 'Shanghai', 'Sheffield', 'Shenzhen', 'Sicily', 'Singapore', 'Slovakia', 'Slovenia', 'Sofia',
  'Somalia', 'South Africa', 'South Carolina', 'South Dakota', 'Southampton', 'Spain', 'Sri Lanka',
  'St Petersburg', 'Stockholm', 'Stuttgart', 'Sudan', 'Sumatra', 'Sussex', 'Sweden', 'Switzerland',
  'Sydney', 'Syria', 'Taipei', 'Taiwan', 'Tallinn', 'Tanzania', 'Tashkent', 'Tbilisi', 'Tehran', 'Tel Aviv',
  'Tennessee', 'Texas', 'Thailand', 'Tijuana', 'Tokyo', 'Toronto', 'Toulouse', 'Tripoli', 'Tunis', 'Tunisia',
  'Turin', 'Tuscany', 'Uganda', 'Ukraine', 'United Kingdom', 'United States', 'Uruguay', 'Utah', 'Utrecht',
  'Valencia', 'Vancouver', 'Venezuela', 'Venice', 'Vermont', 'Verona', 'Vienna', 'Vietnam', 'Vilnius',
  'Virginia', 'Wales', 'Warsaw', 'Washington', 'West Virginia', 'Wisconsin', 'Wuhan', 'Wyoming', 'Yemen',
  'Yerevan', 'Yokohama', 'Yorkshire', 'Zagreb', 'Zambia', 'Zimbabwe', 'Zurich',
];

/**
 * Everyday words that begin, end or contain a listed name ("maiden" holds
 * Aiden, "parish" holds Paris, "slogan" holds Logan). The check cuts these
 * out of a username before looking for names inside longer words. Found by
 * running every listed name against a 100,000-word English dictionary
 * and against 50,000 random two-word usernames ("flyingrider" holds Ingrid).
 */
export const ORDINARY_WORDS_CONTAINING_NAMES: readonly string[] = [
  'adjusting', 'archipelago', 'astride', 'bleed', 'chalice', 'christen', 'exhausting', 'foregone',
  'frankfurter', 'grannie', 'gunwale', 'hamburger', 'heathen', 'japann', 'julienne', 'loganberr', 'maiden',
  'malice', 'mariachi', 'marionette', 'martinet', 'martini', 'mosquito', 'muscatel', 'parish', 'patrician',
  'petered', 'petering', 'philippic', 'philosoph', 'ptomaine', 'pyromania', 'riddl', 'rider', 'romaine', 'saltpeter',
  'shanghaied', 'shanghaiing', 'sharper', 'slogan', 'smarting', 'timberline', 'trumpeter', 'unchristian',
];
