// Tables of siting (找准点): venues and residential areas. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface VenueTable {
  id: Generated<number>;
  unit_id: number;
  type: string;
  name: string;
  address: string;
  lng: number;
  lat: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentialAreaTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  population: number;
  lng: number;
  lat: number;
  created_at: string;
  updated_at: string;
}
