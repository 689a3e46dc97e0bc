/**
 * CJK fonts for generated PDFs: Noto Sans CJK SC from the Debian package fonts-noto-cjk
 * (OFL). pdfkit embeds only the glyphs a document uses.
 */
import fs from 'node:fs';

/** The Debian package that ships the fonts. */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

export interface FontFace {
  /** A TrueType/OpenType collection (.ttc). */
  file: string;
  /** The face inside the collection (its PostScript name). */
  postscriptName: string;
}

export const cjkRegular: FontFace = { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' };
export const cjkBold: FontFace = { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' };

export class MissingFontError extends Error {
  constructor(readonly file: string) {
    super(
      `PDF font not found: ${file}. Chinese text needs Noto Sans CJK: install the Debian package ${CJK_FONT_PACKAGE} ` +
        `(apt-get install -y --no-install-recommends ${CJK_FONT_PACKAGE}).`,
    );
    this.name = 'MissingFontError';
  }
}

/**
 * The regular and bold faces to register. The regular face is required (a clear error names
 * the missing file and the package); the bold face falls back to the regular one.
 */
export function cjkFaces(exists: (file: string) => boolean = fs.existsSync): { regular: FontFace; bold: FontFace } {
  if (!exists(cjkRegular.file)) throw new MissingFontError(cjkRegular.file);
  return { regular: cjkRegular, bold: exists(cjkBold.file) ? cjkBold : cjkRegular };
}
