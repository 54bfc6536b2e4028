export type CoordSystemName = 'gcj02' | 'wgs84';
