/**
 * Synthetic people's names: plausible for the North East Sector of Greater Manchester, with some
 * diversity. Names are grouped by heritage so given and family names go together; English given
 * names also follow the birth era. Every name is made up in combination; none is a real person.
 */

import type { Rng } from './prng';

export type Gender = 'male' | 'female';

interface Heritage {
  female: readonly string[];
  male: readonly string[];
  /** "Masculine|Feminine" where the family name changes with gender (Polish), else one form. */
  family: readonly string[];
  /** Family names only women carry (e.g. Begum, Bibi). */
  femaleFamily?: readonly string[];
}

const englishFamily = [
  'Ashworth', 'Holroyd', 'Taylor', 'Smith', 'Jones', 'Brown', 'Wilson', 'Lees', 'Whitehead', 'Butterworth',
  'Schofield', 'Ogden', 'Howarth', 'Kenyon', 'Greenhalgh', 'Heywood', 'Wright', 'Clarke', 'Jackson', 'Thompson',
  'Walker', 'Robinson', 'Hall', 'Cooper', 'Barnes', 'Stott', 'Crossley', 'Fletcher', 'Dawson', 'Kershaw',
  'Entwistle', 'Hargreaves', 'Warburton', 'Pilling', 'Collinge', 'Marsden', 'Lord', 'Hill', 'Green', 'Wood',
  'Harrison', 'Kay', 'Nuttall', 'Haworth', 'Buckley', 'Hilton', 'Bentley', 'Chadwick', 'Fielding', 'Rothwell',
];

const english = {
  /** Born before 1960. */
  older: {
    female: ['Margaret', 'Jean', 'Barbara', 'Joan', 'Dorothy', 'Patricia', 'Brenda', 'Maureen', 'Sheila', 'Eileen', 'Kathleen', 'Irene', 'Doreen', 'Valerie', 'Christine', 'Susan'],
    male: ['John', 'William', 'Peter', 'Brian', 'Alan', 'Kenneth', 'Derek', 'Ronald', 'Geoffrey', 'Frank', 'Harold', 'Albert', 'Dennis', 'Keith', 'Barry', 'Michael'],
  },
  /** Born 1960–1999. */
  middle: {
    female: ['Karen', 'Julie', 'Lisa', 'Michelle', 'Sarah', 'Emma', 'Rachel', 'Nicola', 'Joanne', 'Claire', 'Amanda', 'Gemma', 'Helen', 'Kerry', 'Donna', 'Laura'],
    male: ['David', 'Paul', 'Mark', 'Andrew', 'Stephen', 'Darren', 'Lee', 'Craig', 'Daniel', 'Jason', 'Matthew', 'Gary', 'Neil', 'Richard', 'Simon', 'Carl'],
  },
  /** Born 2000 onwards. */
  younger: {
    female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Lily', 'Sophie', 'Grace', 'Freya', 'Leah', 'Evie', 'Poppy', 'Ella', 'Ruby', 'Chloe', 'Millie'],
    male: ['Oliver', 'Jack', 'Harry', 'Noah', 'Leo', 'Charlie', 'Alfie', 'George', 'Oscar', 'Jacob', 'Thomas', 'Riley', 'Ethan', 'Joshua', 'Archie', 'Max'],
  },
};

const heritages: Record<'southAsian' | 'irish' | 'polish' | 'westAfrican', Heritage> = {
  southAsian: {
    female: ['Aisha', 'Fatima', 'Samina', 'Shabana', 'Nasreen', 'Rukhsana', 'Amina', 'Maryam', 'Zainab', 'Hafsa', 'Sadia', 'Nazia', 'Parveen', 'Yasmin'],
    male: ['Mohammed', 'Imran', 'Tariq', 'Asif', 'Shahid', 'Zahid', 'Abdul', 'Ibrahim', 'Yusuf', 'Bilal', 'Hamza', 'Arif', 'Nadeem', 'Rashid'],
    family: ['Khan', 'Hussain', 'Ahmed', 'Ali', 'Iqbal', 'Akhtar', 'Mahmood', 'Rahman', 'Uddin', 'Miah', 'Islam', 'Shah', 'Chaudhry', 'Patel'],
    femaleFamily: ['Begum', 'Bibi'],
  },
  irish: {
    female: ['Siobhan', 'Niamh', 'Aoife', 'Bridget', 'Mary', 'Ciara', 'Orla', 'Roisin'],
    male: ['Sean', 'Patrick', 'Declan', 'Liam', 'Conor', 'Kieran', 'Eamon', 'Brendan'],
    family: ['Brennan', 'Murphy', 'Kelly', "O'Brien", 'Walsh', 'Byrne', 'Ryan', 'Doyle', 'McCarthy', 'Gallagher', 'Quinn', 'Flanagan'],
  },
  polish: {
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Anna', 'Zuzanna', 'Natalia', 'Ewa'],
    male: ['Tomasz', 'Piotr', 'Krzysztof', 'Marek', 'Pawel', 'Kacper', 'Jakub', 'Daniel'],
    family: ['Kowalski|Kowalska', 'Nowak', 'Wisniewski|Wisniewska', 'Wojcik', 'Kaminski|Kaminska', 'Lewandowski|Lewandowska', 'Zielinski|Zielinska', 'Mazur'],
  },
  westAfrican: {
    female: ['Adaeze', 'Chiamaka', 'Abena', 'Ama', 'Ngozi', 'Funmilayo', 'Grace', 'Blessing'],
    male: ['Chinedu', 'Kwame', 'Kofi', 'Oluwaseun', 'Emeka', 'Tunde', 'Samuel', 'Emmanuel'],
    family: ['Okafor', 'Mensah', 'Adeyemi', 'Owusu', 'Okonkwo', 'Boateng', 'Adebayo', 'Asante'],
  },
};

export type HeritageKey = 'english' | keyof typeof heritages;

/** Heritage mix by locality (Oldham and Rochdale have larger South Asian communities than Bury). */
export function heritageWeights(locality: 'Bury' | 'Rochdale' | 'Oldham'): readonly (readonly [HeritageKey, number])[] {
  if (locality === 'Bury') return [['english', 80], ['southAsian', 8], ['irish', 5], ['polish', 4], ['westAfrican', 3]];
  return [['english', 67], ['southAsian', 23], ['irish', 4], ['polish', 3], ['westAfrican', 3]];
}

function gendered(family: string, gender: Gender): string {
  const [masculine, feminine] = family.split('|');
  return gender === 'female' && feminine ? feminine : masculine;
}

export interface PersonName {
  given: string;
  family: string;
}

export function pickPersonName(rng: Rng, gender: Gender, birthYear: number, heritage: HeritageKey): PersonName {
  if (heritage === 'english') {
    const era = birthYear < 1960 ? english.older : birthYear < 2000 ? english.middle : english.younger;
    return { given: rng.pick(era[gender]), family: rng.pick(englishFamily) };
  }
  const h = heritages[heritage];
  const given = rng.pick(h[gender]);
  const families = gender === 'female' && h.femaleFamily && rng.chance(0.4) ? h.femaleFamily : h.family;
  return { given, family: gendered(rng.pick(families), gender) };
}

/** A name for a member of staff (care coordinator, social worker, nurse, doctor). */
export function pickStaffName(rng: Rng): string {
  const gender: Gender = rng.chance(0.6) ? 'female' : 'male';
  const heritage = rng.weighted(heritageWeights('Oldham'));
  const { given, family } = pickPersonName(rng, gender, rng.int(1965, 1998), heritage);
  return `${given} ${family}`;
}

/** "Dr A Khan": how clinicians appear on a consultation. */
export function pickDoctorName(rng: Rng): string {
  const { given, family } = pickPersonName(rng, rng.chance(0.5) ? 'female' : 'male', rng.int(1960, 1995), rng.weighted(heritageWeights('Oldham')));
  return `Dr ${given[0]} ${family}`;
}
