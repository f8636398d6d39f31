#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the fixtures of Nianbao's HTML, Word and Markdown readers.

Run from anywhere:  python3 tests/make-reader-fixtures.py

Writes, each with <name>.expected.json (the generator's values: 207 cells in
corpus key order, agency, year, title, template versions):
  tests/fixtures/html/report.html        UTF-8 page: scripts, styles, a menu,
                                         a breadcrumb, header and footer around
                                         the report; the template's tables with
                                         rowspan/colspan, <br> and nested markup
                                         in cells
  tests/fixtures/html/gbk.html           GBK with <meta charset="gbk">, the
                                         report inside nested layout tables
  tests/fixtures/html/saved-page.mhtml   a browser's MHTML archive: the page as
                                         quoted-printable, an image as base64
  tests/fixtures/docx/report.docx        WordprocessingML written here: w:tbl
                                         with gridSpan and vMerge, runs split
                                         inside words, w:tab and w:br in cells
  tests/fixtures/docx/report.doc         report.docx converted by LibreOffice
                                         (only when soffice is installed; the
                                         committed file is kept otherwise)
  tests/fixtures/markdown/report.md      pipe tables as a PDF-to-Markdown tool
                                         writes them: S3 cut in two pieces at a
                                         page break (the second starting with a
                                         data row over |---|), header rows and a
                                         data row broken over two lines, a
                                         repeated header row
  tests/fixtures/{html,docx}/bad/        inputs that must fail with a message:
                                         a truncated .docx, one that is no zip,
                                         a zip without word/document.xml, a
                                         document.xml nested 5,000 deep, an
                                         MHTML archive without a page

Every template cell holds a distinct, non-zero value and every rule holds
(make-fixtures.py's distinct_cells), so a value in the wrong cell fails.
Standard library only; deterministic.
"""

import base64
import importlib.util
import json
import os
import quopri
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")

_spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make-fixtures.py"))
mf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mf)

# --------------------------------------------------------------------------
# The report: the template's tables as rows of cells (text, colspan, rowspan)
# --------------------------------------------------------------------------


def C(text, colspan=1, rowspan=1):
    return (text, colspan, rowspan)


def v(cells, cid):
    return C(mf.plain(cells[cid]))


def s2_table(cells):
    rows = [[C("第二十条第（一）项", 4)],
            [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")]]
    for row, label in (("rules", "规章"), ("normative", "行政规范性文件")):
        rows.append([C(label)] + [v(cells, "s2.%s.%s" % (row, c))
                                  for c in ("new", "abolished", "in_force")])
    rows += [[C("第二十条第（五）项", 4)],
             [C("信息内容"), C("本年处理决定数量", 3)],
             [C("行政许可"), C(mf.plain(cells["s2.licensing.decisions"]), 3)],
             [C("第二十条第（六）项", 4)],
             [C("信息内容"), C("本年处理决定数量", 3)],
             [C("行政处罚"), C(mf.plain(cells["s2.penalty.decisions"]), 3)],
             [C("行政强制"), C(mf.plain(cells["s2.coercion.decisions"]), 3)],
             [C("第二十条第（八）项", 4)],
             [C("信息内容"), C("本年收费金额（单位：万元）", 3)],
             [C("行政事业性收费"), C(mf.plain(cells["s2.fees.amount"]), 3)]]
    return rows


S3_LABELS = [
    # (row id, label cells before the values)
    ("new", [C("一、本年新收政府信息公开申请数量", 3)]),
    ("carried_in", [C("二、上年结转政府信息公开申请数量", 3)]),
    ("granted", [C("三、本年度办理结果", 1, 22), C("（一）予以公开", 2)]),
    ("partly", [C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)]),
    ("refused.state_secret", [C("（三）不予公开", 1, 8), C("1.属于国家秘密")]),
    ("refused.prohibited", [C("2.其他法律行政法规禁止公开")]),
    ("refused.security_stability", [C("3.危及“三安全一稳定”")]),
    ("refused.third_party", [C("4.保护第三方合法权益")]),
    ("refused.internal", [C("5.属于三类内部事务信息")]),
    ("refused.process", [C("6.属于四类过程性信息")]),
    ("refused.enforcement_file", [C("7.属于行政执法案卷")]),
    ("refused.query", [C("8.属于行政查询事项")]),
    ("unable.not_held", [C("（四）无法提供", 1, 3), C("1.本机关不掌握相关政府信息")]),
    ("unable.needs_creation", [C("2.没有现成信息需要另行制作")]),
    ("unable.unclear", [C("3.补正后申请内容仍不明确")]),
    ("not_processed.petition", [C("（五）不予处理", 1, 5), C("1.信访举报投诉类申请")]),
    ("not_processed.repeated", [C("2.重复申请")]),
    ("not_processed.publication", [C("3.要求提供公开出版物")]),
    ("not_processed.excessive", [C("4.无正当理由大量反复申请")]),
    ("not_processed.confirm", [C("5.要求行政机关确认或重新出具已获取信息")]),
    ("other_handling.no_correction", [C("（六）其他处理", 1, 3), C(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")]),
    ("other_handling.no_fee", [C(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")]),
    ("other_handling.misc", [C("3.其他")]),
    ("results_total", [C("（七）总计", 2)]),
    ("carried_over", [C("四、结转下年度继续办理", 3)]),
]
assert [r for r, _ in S3_LABELS] == mf.S3_ROWS

S3_HEADER = [
    [C("", 3, 3), C("申请人情况", 7)],
    [C("自然人", 1, 2), C("法人或其他组织", 5), C("总计", 1, 2)],
    [C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")],
]


def s3_table(cells):
    rows = [list(r) for r in S3_HEADER]
    for row, labels in S3_LABELS:
        rows.append(list(labels) + [v(cells, "s3.%s.%s" % (row, c)) for c in mf.S3_COLS])
    return rows


def s4_table(cells):
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        [C("行政复议", 5), C("行政诉讼", 10)],
        [C(t, 1, 2) for t in results] + [C("未经复议直接起诉", 5), C("复议后起诉", 5)],
        [C(t) for t in results] * 2,
        [v(cells, i) for i in mf.S4_IDS],
    ]


def grid(rows):
    """The expanded grid of spanned rows: per row a list of slots, each
    ("cell", text, colspan, rowspan) or ("below", colspan) for a column
    covered by a rowspan from above (colspan of the cell above)."""
    out, carry = [], {}
    for row in rows:
        slots, col, cells = [], 0, list(row)
        while cells or any(c >= col for c in carry):
            if col in carry:
                span, left = carry[col]
                slots.append(("below", span))
                if left == 1:
                    del carry[col]
                else:
                    carry[col] = (span, left - 1)
                col += span
                continue
            if not cells:
                break
            text, colspan, rowspan = cells.pop(0)
            slots.append(("cell", text, colspan, rowspan))
            if rowspan > 1:
                carry[col] = (colspan, rowspan - 1)
            col += colspan
        out.append(slots)
    return out


REPORT_TABLES = [("二、主动公开政府信息情况", s2_table),
                 ("三、收到和处理政府信息公开申请情况", s3_table),
                 ("四、政府信息公开行政复议、行政诉讼情况", s4_table)]

PROSE = {
    "一、总体情况": ["2024年，本局坚持以公开为常态、不公开为例外，持续推进政府信息公开工作。",
                 "（一）主动公开。全年通过门户网站主动公开各类信息，及时回应社会关切。"],
    "五、存在的主要问题及改进情况": ["存在的问题：公开内容的解读还不够深入。改进措施：加强政策解读。"],
    "六、其他需要报告的事项": ["本年度未收取信息处理费。"],
}


def report_blocks(cells, agency):
    """The report as blocks: ("title", text), ("h", text), ("p", text),
    ("table", rows)."""
    blocks = [("title", "%s2024年政府信息公开工作年度报告" % agency),
              ("p", "本报告根据《中华人民共和国政府信息公开条例》编制。")]
    blocks.append(("h", "一、总体情况"))
    blocks += [("p", t) for t in PROSE["一、总体情况"]]
    for heading, make in REPORT_TABLES:
        blocks.append(("h", heading))
        blocks.append(("table", make(cells)))
    for heading in ("五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        blocks.append(("h", heading))
        blocks += [("p", t) for t in PROSE[heading]]
    return blocks


def expected(cells, agency):
    return {"agency": agency, "year": 2024,
            "title": "%s2024年政府信息公开工作年度报告" % agency,
            "template": {"s2": "2021", "s3": "2021", "s4": "2021"},
            "cells": cells}


def new_cells(name):
    return mf.distinct_cells(random.Random("nianbao-readers-%s" % name))


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

def html_cell_text(text, k):
    """Cell content as editors write it: nested spans, <br> in long labels."""
    t = escape(text)
    if len(text) > 12 and "、" in text[:6]:
        cut = len(text) // 2
        return "%s<br>%s" % (escape(text[:cut]), escape(text[cut:]))
    if k % 3 == 0 and text:
        return '<p style="text-align:center"><span style="font-size:14px">%s</span></p>' % t
    if k % 3 == 1 and text:
        return "<span>&nbsp;%s&nbsp;</span>" % t
    return t


def html_table(rows):
    out = ['<table border="1" cellspacing="0" class="MsoTableGrid">', "<tbody>"]
    k = 0
    for row in rows:
        out.append("<tr>")
        for text, colspan, rowspan in row:
            attrs = ""
            if colspan > 1:
                attrs += ' colspan="%d"' % colspan
            if rowspan > 1:
                attrs += ' rowspan="%d"' % rowspan
            out.append("<td%s>%s</td>" % (attrs, html_cell_text(text, k)))
            k += 1
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def html_body(blocks):
    out = []
    for kind, content in blocks:
        if kind == "title":
            out.append('<h1 class="article-title">%s</h1>' % escape(content))
            out.append('<div class="info">发布日期：2025-01-20　来源：本局</div>')
        elif kind == "h":
            out.append("<p><strong>%s</strong></p>" % escape(content))
        elif kind == "p":
            out.append('<p style="text-indent:2em">%s</p>' % escape(content))
        else:
            out.append(html_table(content))
    return "\n".join(out)


# Site furniture that a reader must drop: numbered menu entries that look
# like the report's own headings, a script with numbers in it.
SITE_HEAD = """<title>%(title)s_临江市人民政府</title>
<style>td { border: 1px solid #000 } .nav li { float: left }</style>
<script>var headings = ["一、总体情况", "二、主动公开政府信息情况", 1, 2, 3];</script>"""

SITE_TOP = """<div class="header"><img src="logo.png" alt="临江市人民政府"> 临江市人民政府门户网站</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gk">二、主动公开政府信息情况</a></li>
<li><a href="/nb">三、收到和处理政府信息公开申请情况</a></li><li><a href="/hd">互动交流 2024</a></li></ul></div>
<nav><a href="/">四、政府信息公开行政复议、行政诉讼情况</a> 12 34 56</nav>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>"""

SITE_BOTTOM = """<div class="share">分享到：微信 微博</div>
<footer><table><tr><td>网站标识码</td><td>3301000001</td></tr><tr><td>备案号</td><td>2024000123</td></tr></table>
版权所有：临江市人民政府办公室</footer>
<script type="text/javascript">document.write("<table><tr><td>1</td><td>2</td></tr></table>");</script>"""


def html_page(cells, agency, charset_meta='<meta charset="utf-8">'):
    blocks = report_blocks(cells, agency)
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
%s
%s
</head>
<body>
%s
<div class="article">
%s
</div>
%s
</body>
</html>
""" % (charset_meta, SITE_HEAD % {"title": escape(blocks[0][1])}, SITE_TOP, html_body(blocks), SITE_BOTTOM)


def html_layout_page(cells, agency):
    """An older site: the page is laid out by nested tables, the report in
    one of their cells; GBK."""
    blocks = report_blocks(cells, agency)
    return """<html>
<head>
<meta charset="gbk">
<title>%s</title>
</head>
<body>
<table width="1000" align="center"><tr><td>
  <table class="menu"><tr><td><a href="/">首页</a></td><td><a href="/gk">一、总体情况</a></td><td>2024</td></tr></table>
</td></tr>
<tr><td>
  <table width="100%%"><tr><td width="200">栏目导航</td><td>
%s
  </td></tr></table>
</td></tr></table>
</body>
</html>
""" % (escape(blocks[0][1]), html_body(blocks))


def mhtml_archive(html):
    boundary = "----MultipartBoundary--nianbao2024readersFixture----"
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(64))).decode("ascii")
    qp = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ("From: <Saved by Blink>\r\n"
            "Snapshot-Content-Location: https://www.linjiang.gov.cn/nb/2024.html\r\n"
            "Subject: =?utf-8?Q?report?=\r\n"
            "Date: Mon, 20 Jan 2025 09:00:00 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n"
            "\ttype=\"text/html\";\r\n"
            "\tboundary=\"%(b)s\"\r\n"
            "\r\n"
            "\r\n"
            "--%(b)s\r\n"
            "Content-Type: text/html\r\n"
            "Content-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://www.linjiang.gov.cn/nb/2024.html\r\n"
            "\r\n"
            "%(qp)s\r\n"
            "--%(b)s\r\n"
            "Content-Type: image/png\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Location: https://www.linjiang.gov.cn/logo.png\r\n"
            "\r\n"
            "%(png)s\r\n"
            "--%(b)s--\r\n") % {"b": boundary, "qp": qp.replace("\n", "\r\n"), "png": png}


# --------------------------------------------------------------------------
# DOCX, written as WordprocessingML
# --------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w_runs(text, split=True):
    """Runs as Word writes them: a label broken into two runs mid-word."""
    if split and len(text) > 3:
        cut = len(text) // 2
        parts = [text[:cut], text[cut:]]
    else:
        parts = [text]
    return "".join('<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
                   % escape(p) for p in parts if p)


def w_para(text, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    return "<w:p>%s%s</w:p>" % (ppr, w_runs(text))


def w_cell_content(text, k):
    if text.startswith("（六）") or text.startswith("三、本年度"):
        # a label over two paragraphs of its cell
        cut = len(text) // 2
        return w_para(text[:cut]) + w_para(text[cut:])
    if k % 4 == 1 and text:
        # a tab and a line break around a value
        return '<w:p><w:r><w:tab/></w:r>%s<w:r><w:br/></w:r></w:p>' % w_runs(text, split=False)
    return w_para(text)


def w_table(rows):
    slots = grid(rows)
    width = max(sum(s[2] if s[0] == "cell" else s[1] for s in row) for row in slots)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>',
           "<w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="900"/>' * width)]
    k = 0
    for row in slots:
        out.append("<w:tr>")
        for slot in row:
            if slot[0] == "below":
                span = '<w:gridSpan w:val="%d"/>' % slot[1] if slot[1] > 1 else ""
                out.append("<w:tc><w:tcPr>%s<w:vMerge/></w:tcPr><w:p/></w:tc>" % span)
                continue
            _, text, colspan, rowspan = slot
            props = ""
            if colspan > 1:
                props += '<w:gridSpan w:val="%d"/>' % colspan
            if rowspan > 1:
                props += '<w:vMerge w:val="restart"/>'
            out.append('<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/>%s</w:tcPr>%s</w:tc>'
                       % (props, w_cell_content(text, k)))
            k += 1
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx_document(cells, agency):
    body = []
    for kind, content in report_blocks(cells, agency):
        if kind == "title":
            body.append(w_para(content, "Title"))
        elif kind == "h":
            body.append(w_para(content, "Heading1"))
        elif kind == "p":
            body.append(w_para(content))
        else:
            body.append(w_table(content))
            body.append("<w:p/>")
    body.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            "<w:body>%s</w:body></w:document>" % (W, "".join(body)))


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def zip_bytes(members):
    """A zip with fixed timestamps, so re-running gives the same bytes."""
    path = tempfile.mktemp(suffix=".zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 20, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    with open(path, "rb") as f:
        data = f.read()
    os.unlink(path)
    return data


def docx_bytes(document_xml):
    return zip_bytes([("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                      ("word/document.xml", document_xml)])


def convert_to_doc(docx_path, out_dir):
    """report.docx → report.doc through LibreOffice, when it is installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: %s/report.doc kept as committed" % out_dir)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run([soffice, "--headless", "--norestore", "-env:UserInstallation=" + profile,
                        "--convert-to", "doc:MS Word 97", "--outdir", tmp, docx_path],
                       check=True, capture_output=True, timeout=300)
        shutil.copy(os.path.join(tmp, "report.doc"), os.path.join(out_dir, "report.doc"))
    return True


# --------------------------------------------------------------------------
# Markdown, as a PDF-to-Markdown converter writes it
# --------------------------------------------------------------------------

def md_rows(rows):
    """Pipe rows of the expanded grid: a span's other columns empty."""
    out = []
    for row in grid(rows):
        fields = []
        for slot in row:
            if slot[0] == "below":
                fields += [""] * slot[1]
            else:
                fields += [slot[1]] + [""] * (slot[2] - 1)
        out.append(fields)
    return out


def md_line(fields):
    return "| " + " | ".join(fields) + " |"


def md_delimiter(n):
    return "|" + "|".join(["---"] * n) + "|"


def markdown_report(cells, agency):
    out = []
    for kind, content in report_blocks(cells, agency):
        if kind == "title":
            out += ["# %s" % content, ""]
        elif kind == "h":
            out += ["## **%s**" % content, ""]
        elif kind == "p":
            out += [content, ""]
        else:
            rows = md_rows(content)
            width = max(len(r) for r in rows)
            if rows[0][0] == "第二十条第（一）项":
                # S2: the header row over two lines, repeated by the next piece
                out.append(md_line(rows[0]))
                out.append(md_delimiter(width))
                head = md_line(rows[1])
                cut = head.index("本年废止") + len("本年废止")
                out += [head[:cut], head[cut:]]
                out.append(md_line(rows[2]))
                out += ["", "- 4 -", ""]
                out.append(md_line(rows[0]))
                out.append(md_delimiter(width))
                out += [md_line(r) for r in rows[3:]]
            elif rows[0][3] == "申请人情况":
                # S3: header row 2 over two lines; cut after 4.保护第三方合法权益,
                # the second piece's first row taken for a header
                out.append(md_line(rows[0]))
                out.append(md_delimiter(width))
                head = md_line(rows[1])
                cut = head.index("法人或其他") + len("法人或其他")
                out += [head[:cut], head[cut:]]
                cut_at = next(i for i, r in enumerate(rows) if r[2] == "5.属于三类内部事务信息")
                for r in rows[2:cut_at]:
                    out.append(md_line(r))
                out += ["", "— 5 —", ""]
                out.append(md_line(rows[cut_at]))
                out.append(md_delimiter(width))
                for r in rows[cut_at + 1:]:
                    line = md_line(r)
                    if r[2].startswith("1.申请人无正当理由"):
                        # a data row broken inside its label
                        cut = line.index("不再处理") + len("不再处理")
                        out += [line[:cut], line[cut:]]
                    else:
                        out.append(line)
            else:
                out.append(md_line(rows[0]))
                out.append(md_delimiter(width))
                out += [md_line(r) for r in rows[1:]]
            out.append("")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def write_expected(path, cells, agency):
    write(path, json.dumps(expected(cells, agency), ensure_ascii=False, indent=1) + "\n")


def main():
    html_dir = os.path.join(OUT, "html")
    docx_dir = os.path.join(OUT, "docx")
    md_dir = os.path.join(OUT, "markdown")

    cells = new_cells("html")
    write(os.path.join(html_dir, "report.html"), html_page(cells, "临江市生态环境局"))
    write_expected(os.path.join(html_dir, "report.expected.json"), cells, "临江市生态环境局")

    cells = new_cells("gbk")
    page = html_layout_page(cells, "青山县自然资源局")
    write(os.path.join(html_dir, "gbk.html"), page.encode("gbk"))
    write_expected(os.path.join(html_dir, "gbk.expected.json"), cells, "青山县自然资源局")

    cells = new_cells("mhtml")
    write(os.path.join(html_dir, "saved-page.mhtml"),
          mhtml_archive(html_page(cells, "临江市交通运输局")).encode("ascii"))
    write_expected(os.path.join(html_dir, "saved-page.expected.json"), cells, "临江市交通运输局")

    cells = new_cells("docx")
    docx = docx_bytes(docx_document(cells, "白河市财政局"))
    write(os.path.join(docx_dir, "report.docx"), docx)
    write_expected(os.path.join(docx_dir, "report.expected.json"), cells, "白河市财政局")
    convert_to_doc(os.path.join(docx_dir, "report.docx"), docx_dir)

    cells = new_cells("markdown")
    write(os.path.join(md_dir, "report.md"), markdown_report(cells, "东湖区教育局"))
    write_expected(os.path.join(md_dir, "report.expected.json"), cells, "东湖区教育局")

    # Bad inputs: each must fail with a message, never crash or hang.
    write(os.path.join(docx_dir, "bad", "truncated.docx"), docx[:len(docx) // 2])
    write(os.path.join(docx_dir, "bad", "not-a-zip.docx"),
          b"".join(bytes([(i * 37 + 11) % 256]) for i in range(2048)))
    write(os.path.join(docx_dir, "bad", "no-document.docx"),
          zip_bytes([("[Content_Types].xml", CONTENT_TYPES), ("word/styles.xml", "<styles/>")]))
    deep = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>' % W
            + "<w:sdt><w:sdtContent>" * 5000 + w_para("政府信息公开工作年度报告")
            + "</w:sdtContent></w:sdt>" * 5000 + "</w:body></w:document>")
    write(os.path.join(docx_dir, "bad", "deep.docx"), docx_bytes(deep))
    write(os.path.join(html_dir, "bad", "empty-archive.mhtml"),
          "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
          "--b\r\nContent-Type: image/png\r\n\r\nAAAA\r\n--b--\r\n")


if __name__ == "__main__":
    main()
