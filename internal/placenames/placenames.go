// Package placenames owns the lists of place names that more than one stage of
// the pipeline reads: the cities that news names without a country. The
// comparison's gazetteer (package compare) reads them as places in a
// sentence; a title made from an article's lead (package news) reads them,
// in capitals before a colon, as a dateline ("NEW DELHI: The government
// ..."). The names are written from general knowledge, not from any bench
// text.
package placenames

// Cities are large cities and capitals that news names without a country,
// as they are written ("New Delhi", "St. Petersburg"): compare's gazetteer
// reads each as a place, and a dateline names each alone.
var Cities = []string{
	"Moscow", "Washington", "Kyiv", "Kiev", "London", "Paris", "Berlin", "Beijing", "Tokyo", "Delhi", "New Delhi",
	"Mumbai", "Rome", "Madrid", "Lisbon", "Vienna", "Warsaw", "Prague", "Budapest", "Brussels", "Amsterdam", "Geneva",
	"Zurich", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Dublin", "Athens", "Istanbul", "Ankara", "Cairo",
	"Tehran", "Baghdad", "Damascus", "Beirut", "Jerusalem", "Tel Aviv", "Gaza", "Riyadh", "Dubai", "Doha", "Kabul",
	"Islamabad", "Karachi", "Dhaka", "Bangkok", "Hanoi", "Manila", "Jakarta", "Singapore", "Seoul", "Pyongyang",
	"Taipei", "Hong Kong", "Shanghai", "Sydney", "Melbourne", "Canberra", "Wellington", "Ottawa", "Toronto",
	"Montreal", "Vancouver", "Mexico City", "Havana", "Bogota", "Lima", "Santiago", "Buenos Aires", "Brasilia",
	"Sao Paulo", "Rio de Janeiro", "Caracas", "Nairobi", "Lagos", "Abuja", "Johannesburg", "Cape Town", "Addis Ababa",
	"Khartoum", "Kinshasa", "Minsk", "Vilnius", "Riga", "Tallinn", "Tbilisi", "Yerevan", "Baku", "Astana", "Tashkent",
	"New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Boston", "Miami", "Seattle", "Atlanta",
	"Dallas", "Philadelphia", "Detroit", "Denver", "Kharkiv", "Odesa", "Odessa", "Lviv", "Mariupol", "Bakhmut",
	"Sevastopol", "St. Petersburg", "Saint Petersburg",
}

// OtherDatelineCities are the other capitals, large cities (about five
// million people or more) and city-states that datelines name alone, in
// the spellings English-language wires use, and the United Nations' seat
// ("UNITED NATIONS: ..."). compare's gazetteer does not read them: some
// are people's given names too ("Milan", "Sofia", "Alexandria"), and its
// entity figures were measured without them.
var OtherDatelineCities = []string{
	"Guatemala City", "San Salvador", "Tegucigalpa", "Managua", "San Jose", "Panama City", "Quito", "La Paz",
	"Montevideo", "Asuncion", "Edinburgh", "The Hague", "Luxembourg", "Bern", "Milan", "Barcelona", "Valletta",
	"Nicosia", "Reykjavik", "Bratislava", "Ljubljana", "Zagreb", "Belgrade", "Sarajevo", "Podgorica", "Skopje",
	"Tirana", "Pristina", "Sofia", "Bucharest", "Chisinau", "Amman", "Ramallah", "Jeddah", "Kuwait City", "Manama",
	"Abu Dhabi", "Muscat", "Sanaa", "Aden", "Alexandria", "Tripoli", "Tunis", "Algiers", "Rabat", "Casablanca",
	"Juba", "Asmara", "Djibouti", "Mogadishu", "Kampala", "Kigali", "Bujumbura", "Dodoma", "Dar es Salaam", "Lusaka",
	"Harare", "Lilongwe", "Maputo", "Gaborone", "Windhoek", "Pretoria", "Maseru", "Mbabane", "Antananarivo",
	"Port Louis", "Luanda", "Brazzaville", "Libreville", "Yaounde", "Douala", "Bangui", "N'Djamena", "Niamey",
	"Accra", "Lome", "Porto Novo", "Cotonou", "Ouagadougou", "Bamako", "Dakar", "Banjul", "Bissau", "Conakry",
	"Freetown", "Monrovia", "Abidjan", "Yamoussoukro", "Nouakchott", "Lahore", "Kolkata", "Chennai", "Bengaluru",
	"Bangalore", "Hyderabad", "Ahmedabad", "Pune", "Chittagong", "Kathmandu", "Thimphu", "Colombo", "Almaty",
	"Bishkek", "Dushanbe", "Ashgabat", "Ulaanbaatar", "Guangzhou", "Shenzhen", "Chongqing", "Tianjin", "Wuhan",
	"Chengdu", "Macau", "Busan", "Osaka", "Ho Chi Minh City", "Vientiane", "Phnom Penh", "Yangon", "Naypyitaw",
	"Kuala Lumpur", "Bandar Seri Begawan", "Dili", "Auckland", "Port Moresby", "Suva", "Honiara", "Apia",
	"Nuku'alofa", "Kuwait", "Monaco", "San Marino", "Vatican City", "United Nations",
}
