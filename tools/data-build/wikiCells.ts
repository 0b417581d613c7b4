/** Pure parsers for the text of Wikipedia weekly-table cells (no DOM): scores, music, dance, couples, results. */

export type ScoreCell =
  | { kind: "scores"; total: number; scores: (number | null)[] }
  | { kind: "points"; points: number }
  | { kind: "none" };

/** "20 (7, 7, 6)" -> per-judge scores; "30 (10, 10, 10, X)" -> X is a judge who did not score; "4" -> ranking points. */
export function parseScoreCell(text: string): ScoreCell {
  const t = text.replace(/\n/g, " ").trim();
  const m = /^(\d+(?:\.\d+)?)\s*\(([^)]*)\)/.exec(t);
  if (m?.[1] && m[2] !== undefined) {
    const scores = m[2].split(/[,;]/).map((s) => {
      const v = s.trim();
      return /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
    });
    return { kind: "scores", total: Number(m[1]), scores };
  }
  const p = /^\+?(\d+(?:\.\d+)?)(?:\s*(?:points?|pts?\.?))?$/i.exec(t);
  if (p?.[1]) return { kind: "points", points: Number(p[1]) };
  return { kind: "none" };
}

export interface Music {
  song: string | null;
  artist: string | null;
}

/**
 * '"Crazy in Love"—Beyoncé feat. Jay-Z' -> song + artist. Several songs (megamixes, medleys) are joined with " / ".
 * `defaultArtist` comes from a header such as "Music by Queen" when the cells give only titles.
 */
export function parseMusicCell(text: string, defaultArtist: string | null = null): Music {
  const lines = text.split("\n").map((l) => l.trim());
  const segments: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    if (segments.length === 0 || /^["“]/.test(line)) segments.push(line);
    else segments[segments.length - 1] = `${segments[segments.length - 1]} ${line}`.replace(/\s+&\s*$/, " &");
  }
  const songs: string[] = [];
  const artists: string[] = [];
  for (const seg of segments) {
    const quoted = [...seg.matchAll(/["“]([^"”]+)["”]/g)].map((q) => q[1]?.trim() ?? "").filter(Boolean);
    const dash = seg.search(/[—–]/);
    let artist = dash >= 0 ? seg.slice(dash + 1).trim() : null;
    if (quoted.length === 0) {
      const bare = (dash >= 0 ? seg.slice(0, dash) : seg).trim();
      if (bare && !/^(n\/a|none|—|-)$/i.test(bare)) songs.push(bare);
    } else songs.push(quoted.join(" / "));
    if (!artist) {
      const after = seg.replace(/["“][^"”]+["”]/g, "").trim();
      const withM = /^\(?with (.+?)\)?$/i.exec(after);
      artist = withM?.[1] ? `${defaultArtist ?? ""}${defaultArtist ? " with " : ""}${withM[1]}` : null;
    }
    if (artist) {
      artist = artist.replace(/^from\s+/i, "").trim();
      if (!artists.includes(artist)) artists.push(artist);
    }
  }
  const artist = artists.length ? artists.join(" / ") : defaultArtist;
  return { song: songs.length ? songs.join(" / ") : null, artist };
}

export interface DanceCell {
  style: string | null;
  /** Markers found in the cell: "team", "group", "relay", "marathon", "megamix", "dance-off". */
  markers: string[];
  team: string | null;
}

const MARKERS: Record<string, string> = {
  team: "team",
  group: "group",
  relay: "relay",
  marathon: "marathon",
  "dance-off": "dance-off",
  "dance off": "dance-off",
};

/** "Team\nCha-cha-cha", "Cha-cha-cha\n(Team Gaga)", "Swing\nMarathon", "Salsa &\nPaso doble". */
export function parseDanceCell(text: string): DanceCell {
  const markers: string[] = [];
  let team: string | null = null;
  const rest: string[] = [];
  // Re-join a parenthesis broken over lines: "(Team Phantom\nof the Ballroom)".
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    const prev = lines[lines.length - 1];
    if (prev !== undefined && (prev.match(/\(/g)?.length ?? 0) > (prev.match(/\)/g)?.length ?? 0))
      lines[lines.length - 1] = `${prev} ${raw.trim()}`;
    else lines.push(raw.trim());
  }
  for (const line of lines) {
    if (!line) continue;
    const teamM = /^\((Team .+)\)$/i.exec(line) ?? /^(Team ["“].+["”])$/i.exec(line);
    if (teamM?.[1]) {
      team = teamM[1].replace(/[“”]/g, '"');
      markers.push("team");
      continue;
    }
    const styleWithTeam = /^(.+?)\s*\((Team .+)\)$/i.exec(line);
    if (styleWithTeam?.[1] && styleWithTeam[2]) {
      team = styleWithTeam[2];
      markers.push("team");
      rest.push(styleWithTeam[1]);
      continue;
    }
    const teamStyle = /^Team\s+(.+)$/i.exec(line);
    if (teamStyle?.[1] && STYLE_WORDS.test(teamStyle[1])) {
      markers.push("team");
      rest.push(teamStyle[1]);
      continue;
    }
    const marker = MARKERS[line.toLowerCase()];
    if (marker) {
      markers.push(marker);
      continue;
    }
    const trailing = /^(.+?)\s+(relay|marathon)$/i.exec(line);
    if (trailing?.[1] && trailing[2]) {
      markers.push(trailing[2].toLowerCase());
      rest.push(trailing[1]);
      continue;
    }
    if (/^megamix$/i.test(line)) markers.push("megamix");
    rest.push(line);
  }
  const style = rest
    .join(" ")
    .replace(/\s+&\s+/g, " & ")
    .replace(/\s+/g, " ")
    .trim();
  return { style: style ? normaliseStyle(style) : null, markers, team };
}

const STYLE_WORDS =
  /^(tango|mambo|paso doble|cha-cha-cha|samba|salsa|jive|rumba|foxtrot|quickstep|waltz|viennese waltz|freestyle|hip-hop|jazz|contemporary|charleston|disco|swing)$/i;

/** One spelling per dance style ("Viennese Waltz" -> "Viennese waltz", "Hip-Hop" -> "Hip-hop"). */
const STYLE_SPELLING: Record<string, string> = {
  "viennese waltz": "Viennese waltz",
  "hip-hop": "Hip-hop",
  "hip hop": "Hip-hop",
  "rock and roll": "Rock and roll",
  "rock 'n' roll": "Rock and roll",
  "cha cha cha": "Cha-cha-cha",
  "cha-cha": "Cha-cha-cha",
  "paso doble": "Paso doble",
  "argentine tango": "Argentine tango",
  "west coast swing": "West Coast Swing",
  "lindy hop": "Lindy Hop",
};

export function normaliseStyle(style: string): string {
  return style
    .split(" & ")
    .map((part) => STYLE_SPELLING[part.trim().toLowerCase()] ?? part.trim())
    .join(" & ");
}

/** "Joey & Ashly\nJohn & Charlotte" -> [["Joey", "Ashly"], ["John", "Charlotte"]]; other lines are kept as labels. */
export function parseCoupleCell(text: string): { pairs: [string, string][]; labels: string[] } {
  const pairs: [string, string][] = [];
  const labels: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[,:]$/, "").trim();
    if (!line) continue;
    const parts = line.split(/\s+(?:&|and)\s+/);
    if (parts.length === 2 && parts[0] && parts[1]) pairs.push([parts[0].trim(), parts[1].trim()]);
    else labels.push(line);
  }
  return { pairs, labels };
}

export type WeeklyOutcome =
  | "eliminated"
  | "withdrew"
  | "bottom"
  | "immune"
  | "saved"
  | "safe"
  | "final"
  | "winner"
  | "loser";

/** The "Result" column: "Eliminated", "Bottom two", "Immunity", "Withdrew", "Winners", "Safe\n(later withdrew)". */
export function parseResultCell(text: string): { outcome: WeeklyOutcome | null; note: string | null } {
  const t = text.replace(/\n/g, " ").trim();
  const lower = t.toLowerCase();
  const note = /\((.+)\)|by (judges.+)$|(immediately)$/.exec(t);
  const noteText = note ? (note[1] ?? note[2] ?? note[3] ?? null) : null;
  if (/^winner$/.test(lower)) return { outcome: "winner", note: null };
  if (/^loser$/.test(lower)) return { outcome: "loser", note: null };
  if (/withdr/.test(lower) && !/^safe/.test(lower)) return { outcome: "withdrew", note: noteText };
  if (/eliminat/.test(lower)) return { outcome: "eliminated", note: noteText };
  if (/bottom|jeopardy/.test(lower)) return { outcome: "bottom", note: noteText };
  if (/immun/.test(lower)) return { outcome: "immune", note: noteText };
  if (/saved/.test(lower)) return { outcome: "saved", note: noteText };
  if (/winners?|runners?-up|place|finalist/.test(lower)) return { outcome: "final", note: t };
  if (/^safe/.test(lower)) return { outcome: "safe", note: noteText };
  return { outcome: null, note: t || null };
}

/** "Week 6: Finale" -> {week: 6, theme: "Finale"}; "Week 7: Dance off (aka Rematch)". */
export function parseWeekHeading(text: string): { week: number; theme: string | null } | null {
  const m = /^Week\s+(\d+)\s*(?:[:–—-]\s*(.*))?$/i.exec(text.replace(/\[edit\]/i, "").trim());
  if (!m?.[1]) return null;
  const theme = m[2]?.trim() || null;
  return { week: Number(m[1]), theme };
}

/** "... listed in this order from left to right: Carrie Ann Inaba, Len Goodman, Bruno Tonioli." -> names. */
export function parseJudgeOrder(paragraph: string): string[] | null {
  const m = /(?:listed|given)[^:]*?from left to right:\s*(.+?)\.?\s*$/i.exec(paragraph.replace(/\s+/g, " ").trim());
  if (!m?.[1]) return null;
  return m[1]
    .replace(/\.$/, "")
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Number words used in the week paragraphs ("three bonus points", "a five-point bonus"). */
export function numberWord(word: string): number | null {
  const words: Record<string, number> = {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    fifteen: 15,
  };
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return words[w] ?? null;
}
