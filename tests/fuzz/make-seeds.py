#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the small PDF seeds of the fuzzers (tests/fuzz/corpus/pdf/).

The fixtures of tests/pdf are 170-300 KB and fuzz at a few inputs a second;
these are a few hundred bytes to a few KB, written by hand with the standard
Helvetica font, and still have what the reader looks at: lines of text,
table rows with numbers in cells, several pages, a shared content stream,
a compressed stream, odd page boxes.  Only the standard library is used.

    python3 tests/fuzz/make-seeds.py
"""
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'corpus', 'pdf')


def pdf(pages, contents, media_box='0 0 595 842', compress=False):
    """pages: list of content indices; contents: list of content streams."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    content_ids = []
    for stream in contents:
        data = stream.encode('latin-1')
        if compress:
            data = zlib.compress(data, 9)
            head = b'<< /Length %d /Filter /FlateDecode >>' % len(data)
        else:
            head = b'<< /Length %d >>' % len(data)
        content_ids.append(add(head + b'\nstream\n' + data + b'\nendstream'))
    page_ids = []
    for index in pages:
        page_ids.append(add(('<< /Type /Page /Parent %d 0 R /MediaBox [%s] '
                             '/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>'
                             % (pages_id, media_box, font, content_ids[index])).encode()))
    objects[catalog - 1] = b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id
    objects[pages_id - 1] = ('<< /Type /Pages /Kids [%s] /Count %d >>'
                             % (' '.join('%d 0 R' % p for p in page_ids), len(page_ids))).encode()

    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objects) + 1, catalog, xref)
    return bytes(out)


def num(value):
    """A PDF number: no exponent."""
    return ('%f' % value).rstrip('0').rstrip('.')


def text_lines(lines, size=11, x=72, top=770, leading=16):
    ops = ['BT', '/F1 %s Tf' % num(size)]
    y = top
    for line in lines:
        if isinstance(line, str):
            line = [(x, line)]
        for cx, text in line:
            ops.append('1 0 0 1 %s %s Tm (%s) Tj' % (num(cx), num(y), text.replace('(', r'\(').replace(')', r'\)')))
        y -= leading
    ops.append('ET')
    return '\n'.join(ops)


def table_rows():
    rows = [
        'Annual report 2023 on government information disclosure',
        '',
        '3. Requests received and how they were answered',
        [(72, 'New requests'), (300, '12'), (350, '3'), (400, '0'), (450, '15')],
        [(72, 'Carried in'), (300, '1'), (350, '0'), (400, '0'), (450, '1')],
        [(72, 'Disclosed'), (300, '10'), (350, '2'), (400, '0'), (450, '12')],
        [(72, 'Total'), (300, '13'), (350, '3'), (400, '0'), (450, '16')],
        '',
        '- 1 -',
    ]
    return text_lines(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = {
        'lines.pdf': pdf([0], [text_lines(['First line of a report', '  an indented line',
                                            'Third line 2023'])]),
        'table.pdf': pdf([0], [table_rows()]),
        'two-pages.pdf': pdf([0, 1], [table_rows(), text_lines(['Page two', '- 2 -'])]),
        'shared-content.pdf': pdf([0, 0, 0], [text_lines(['Header', 'Same on every page'])]),
        'compressed.pdf': pdf([0], [table_rows()], compress=True),
        # glyphs at 3e9: beyond an int (finding 5 of issue 14)
        'huge-box.pdf': pdf([0], [text_lines(['Far away'], x=3e9, top=3e9)],
                            media_box='0 0 10000000000 10000000000'),
        'overlap.pdf': pdf([0], ['BT /F1 12 Tf 72 700 Td (AAAA) Tj 0 -4 Td (BBBB) Tj '
                                 '0 2 Td (1234) Tj ET']),
        'long-line.pdf': pdf([0, 0], ['BT /F1 0.5 Tf 10 100 Td (%s) Tj ET' % ('ab' * 500)],
                             media_box='0 0 400 200', compress=True),
    }
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
