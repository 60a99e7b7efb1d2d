// What the API says about an open plan file.
export interface FileInfo {
  path: string;
  /** File name without folder and extension, for titles. */
  name: string;
  sizeBytes: number;
  schemaVersion: number;
}
