#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the PDF test fixtures of Nianbao (tests/pdf/fixtures/).

Report variants with realistic, consistent numbers are built from the prose
of the five text seeds (shared/seeds, copied below so that this script needs
nothing but itself), rendered to PDF by LibreOffice (flat ODT) and by
Chromium (HTML print-to-pdf) in several layouts, and described by
<variant>.expected.json files in the format of shared/corpus/*.expected.json.

    python3 tests/pdf/make-pdf-fixtures.py              # (re)make everything
    python3 tests/pdf/make-pdf-fixtures.py --only weishi_2024
    python3 tests/pdf/make-pdf-fixtures.py --json-only  # expected JSON only
    python3 tests/pdf/make-pdf-fixtures.py --compact    # the compact table only (Chromium)
    python3 tests/pdf/make-pdf-fixtures.py --many-pages 500 /tmp/500.pdf
    python3 tests/pdf/make-pdf-fixtures.py --keep-sources DIR  # keep .fodt/.html

Needs (Debian 12): libreoffice-writer-nogui chromium qpdf poppler-utils
img2pdf fonts-noto-cjk fonts-wqy-microhei fonts-droid-fallback.  Only the
Python standard library is imported.  The output is byte-for-byte
reproducible with the same tool versions and installed fonts: dates and
document ids are fixed afterwards with qpdf (see normalise_pdf).  Every PDF is
checked after it is made (numbers and prose in the text layer, page splits,
landscape pages): see verify and check_prose.  See fixtures/README.md.
"""
SEED_PROSE = {
    # seed 000
    'weishi': {
        "pre": [
            '尉氏县先进制造业开发区 2024 年政府信息公开工作 年度报告',
        ],
        '一': [
            '2024 年开发区政府信息公开工作在县委、县政府的政策指导下，紧紧围绕提高政府透明度、促进依法行政和深化政府与公众的互相交流，积极推进政府信息公开工作。现将 2024 年工作开展情况汇报如下：',
            '（一）主动公开：一是按照上级部署，坚持应公开、尽公开，持续做好政务公开工作，围绕群众关心关注、重点工作，进一步健全公开机制，创新公开形式，做到公开内容真实、全面、有效。二是开发区无涉及秘密和隐私类信息公开。三是在工作时责任到人，责任人具体负责政府信息公开工作，以及对政府信息公开保密审查工作进行监督和指导。四是按期完成县长专线转办件办结率 100，群众满意度 100。五是发展情况。开发区总面积 17.1 平方公里，主要布局汽车零部件、生物医药、纺织服装等产业，现有四上企业 160 家。',
            '（二）依申请公开：贯彻落实《中华人民共和国政府信息公开条例》，建立健全依申请公开办理答复制度，依法保障人民群众对政府信息的知情权。2024 年度无依申请公开办理事件，无因信息公开而产生的行政复议和行政诉讼事件。',
            '（三）政府信息管理：加强平台建设，明确政务公开的内容和范围，规范政务公开的程序和要求，不断加强自身工作机制，强化公开属性源头管理，健全信息发布审核机制，严格落实“三审三校”要求，确保发布信息的安全性、真实性和准确性。',
            '（四）政府信息公开平台建设：严格按照上级部门要求，规范政府信息公开平台板块，强化政府网站网络安全防护和政务新媒体监管，对整体运行情况、信息内容质量等方面进行日常巡检，确保安全平稳运行。目前，开发区依托县政府系统，及时更新平台数据、查漏补缺，加强便民服务工作。',
            '（五）监督保障：加强组织领导，完善机制体制，落实《政府信息公开保密审查办法》，进一步完善政府信息公开保密审查机制，规范审查程序，落实审查责任。同时，坚持定期对公开信息的情况进行监督检查，对政府信息公开内容、公开效果、群众满意度、群众意见和投诉处理落实情况进行监督，及时更新公开事项，使前来办事的群众能直观、方便地了解办理业务的程序、了解关心的热点问题，切实保障辖内企业和广大人民群众及时了解政府信息公开工作的开展情况。',
        ],
        '五': [
            '2024年开发区政府信息公开工作虽然取得了成绩，但对标政府信息公开工作新要求，仍存在一定差距。存在问题：一是对政务公开认识淡薄，信息发布渠道单一。二是政务公开工作人员业务能力有待提升。整改措施：一是增强主动公开意识，拓宽政务公开渠道和方式，满足群众多样化信息获取需求，依法依规公开。二是加大对政府信息公开制度的宣传以及对工作人员对政府信息公开工作的培训力度，让工作人员熟悉政务公开各项规章制度、工作流程和重要性。',
        ],
        '六': [
            '2024年度开发区没有收取政府信息公开处理费用情况。',
        ],
    },
    # seed 001
    'wenfeng': {
        "pre": [
            '文峰区行政审批和政务信息管理局 2024 年政府信息公开工作年度报告',
        ],
        '一': [
            '2024 年，文峰区行政审批和政务信息管理局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届三中全会精神，在区委区政府坚强领导下，准确把握政务公开工作的职责定位，不断强化组织领导，创新公开形式，坚持及时、准确、规范公开政府信息，更好服务企业和群众。现将本年度政务公开工作情况总结报告如下：',
            '（一）主动公开情况。',
            '主动作为积极拓宽政务公开渠道，深化公开内容。运用文峰区人民政府网站全年共主动公开各类信息 218 条，其中，要闻动态 161 条，政务公开 29 条，政务服务 11 条，重点领域信息公开 17 条。通过中央、省、市新闻媒体发稿 15 篇，累计点击量超过 12 万次，有效提升了公众对行政审批和政务信息工作的关注度和参与度。同时，加强对首善文峰微信公众账号的管理、维护与更新，推送文峰最新政务信息、民生资讯。',
            '（二）依申请公开情况',
            '认真落实依申请公开工作，切实完善依申请公开受理工作机制，规范工作流程，确保高效服务。为公众提供了便捷的申请途径，依法保障公众的知情权。',
            '（三）信息管理情况',
            '一是加强组织领导。明确政务公开的内容、形式和制度，由局主要领导亲自抓，分管负责人具体抓，经办人员落实。形成“一级抓一级，层层抓落实”的工作格局。二是严格把关审查。严格落实信息发布“三审”制度，确保信息发布的合法性、准确性和安全性。全年无泄密事件发生。三是紧盯重点领域。加大信息公开力度，及时发布更新政策文件解读、重大决策公开等内容，确保权力运行公开透明。',
            '（四）政府信息公开平台建设情况',
            '加强对政府信息公开网站的维护和管理，严格落实“三审三校”制度后及时更新栏目内容，确保信息的时效性和准确性。安排专人维护微信公众号，定期对已发布信息涉及政治表述不规范和常见错别字开展排查工作，保证政务信息发布规范性、准确性。',
            '（五）监督保障情况',
            '及时调整政务公开领导小组，为全面推进政务公开提供了有力的组织保证。切实提升政务公开工作水平，组织政务公开工作专题培训会，围绕如何做好主动公开、依申请公开、政策解读等重点工作进行系统培训。完善政务服务中心大厅政务公开专区建设，配备政务公开体验平台、自助查阅机等设备，主动接受公众的监督。',
        ],
        '五': [
            '2024年尽管我局在政务公开工作方面取得了一定成效，但仍存在一些问题和不足。一是公开内容的深度和广度有待进一步提升，政策解读的形式和效果有待优化；二是主动公开的数量还需要增加，对群众关注度高的信息公开还不够；三是对于全局各股室对政府信息公开的认识还需要进一步宣传和引导，提升公众对政府信息公开质量的满意度。',
            '下一步，我局将继续按照区委、区政府的统一安排和部署，进一步加大政府信息公开工作力度。一是深化公开内容，拓宽公开范围，全面开展惠企便民政策解读，提高政策解读质量。二是要对局内文件、政府信息的内容进行进一步梳理和细化，把符合要求的涉及焦点、热点问题的信息进行主动公开，增加主动公开信息的数量，满足群众对政府信息的需求。三是加强政务公开工作队伍建设，通过定期培训、交流学习等方式提高工作人员的业务水平和综合素质，更好的按分工提供专业化、高质量的信息初稿，推动政务公开工作新发展。',
        ],
        '六': [
            '本年度，本机关未收取信息公开处理费。',
        ],
    },
    # seed 002
    'binzhou': {
        "pre": [
            '根据《政府信息公开条例》、《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)要求,现公布滨州高新技术产业开发区2024年政府信息公开工作年度报告。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。除特别说明的外,所列数据统计时限为2024年1月1日至2024年12月31日。报告电子版可在滨州高新技术产业开发区网站下载(http://www.bzgxq.gov.cn/)。',
        ],
        '一': [
            '2024年,滨州高新技术产业开发区坚持以习近平新时代中国特色社会主义思想为指导,坚持问题导向,加快推进行政决策、执行、管理、服务、结果公开,充分发挥政务公开对政府职能转变和政府治理能力提升的助推作用,加强法治政府、创新政府、廉洁政府、服务型政府建设。',
            '(一)依法主动公开,让权力在阳光下运行。一是抓好政策发布解读工作。我区制定出台的重大政策措施,第一时间通过门户网站“政策解读”栏目集中统一发布,2024年共发布4条政策解读信息,及时释放政策信息。二是不断增进政民互动。建立互动交流平台,收集网民咨询事项,注重提升答复时效,2024年高效办结答复网民咨询事项12条,答复时长平均控制在4个工作日内,比去年进一步缩短,提升答复效率。积极发挥新媒体对外宣传作用,2024年共推送发布政务微信913条,大力提升了用户体验度,扩大了宣传影响力,增强了群众获得感。',
            '(二)规范依申请公开管理,提高程序化法治化水平。我区修订完善了依申请公开说明,按照收件、登记、分办、答复、存档五步工作法统筹抓好依申请公开各项工作,2024年依法及时规范办理各类依申请公开政府信息2件,不存在行政复议和行政诉讼情况发生。',
            '(三)加强政府信息管理,优化制度设计政策供给。深入推进政务信息公开管理工作,根据高新区的实际需要,建设招商引资专题专栏,发布招商引资、工业经济、园区建设等情况,进一步扩大了我区招商引资的信息公开力度。',
            '(四)加强监督保障,提升组织协调能力。强化目标考核,将评估作为问题整改落实的主抓手,制定细化问题整改清单和责任清单,明确整改单位、落实主体责任,逐一对照问题清单进行整改,确保政务公开各项工作得到加强和完善。',
        ],
        '五': [
            '(一)政务公开平台建设仍需加强。栏目设置还需优化,信息查询的便利性和阅读的舒适性还要增强,进一步加强标准化、智能化、人性化建设,充分发挥信息公开平台作用。',
            '(二)部分重点领域信息公开力度仍需加强。设置重点领域信息栏目以来,部分栏目内容和重大信息更新不及时不全面,与群众生产生活密切相关的信息难以获取,信息检索比较困难。',
            '(三)政府信息公开队伍建设仍需加强。部门信息公开工作人员多数是兼职人员,公开意识强弱不一,认识有待进一步提高。',
            '下一步,我区将采取有力措施,重点抓好以下工作:',
            '一是协调技术服务机构破解技术难题。在党工委、管委会的大力协调下,我区安排专人与技术机构进行磋商,研究提出破解技术难题的思路和办法,及时处理存在的问题。',
            '二是进一步抓好信息公开主要载体和查阅点建设。加强政府网站建设,完善领导信箱和网上调查等栏目,畅通社情民意反馈渠道,增进政民交流互动。拓宽网络新媒体应用,注重有效发挥各单位微信公众号、政务微博等新媒体的应用,为政务公开信息化提供更便捷、更全面的技术支撑。',
        ],
        '六': [
            '(一)收取信息处理费情况',
            '本年度未收取信息处理费。',
            '(二)落实上级年度政务公开工作要点情况',
            '积极贯彻落实国家、省、市2024年政务公开工作要点,围绕推进经济平稳健康发展、社会治理精细化、保障改善民生和加强政府自身建设等重点领域深化政府信息公开,持续提升政务公开标准化、规范化和信息化水平,全面提升政务公开工作质效,让权力始终在阳光下运行。',
            '(三)人大代表建议和政协委员提案办理情况',
            '本机关未承办人大代表建议和政协委员提案。',
        ],
    },
    # seed 003
    'xigong': {
        "pre": [
            '西工区民营经济发展局 2024 年政府信息公开工作年度报告',
        ],
        '一': [
            '(一) 主动公开情况',
            '加强民营经济发展领域政务公开工作，做到信息公开规范、及时、准确。2024 年西工区民营经济发展局通过多平台主动发布各类信息 12 条，组织 1 场“送法入企”法律服务活动，1 场“政策领航·共创未来”惠企政策宣讲活动。未收到区长信箱、政府连线、领导交办等事项。',
            '(二) 依申请公开办理情况',
            '推进依申请公开标准化规范化建设，规范工作流程，保障公众合理信息需求，推动依申请公开向主动公开转化，提升依申请公开工作服务作用。2024 年无依申请案件。',
            '(三) 政府信息资源的规范化、标准化管理',
            '严格执行内容发布审核制度和“三审三校”机制；调整规范主动公开基本信息目录，加强保密审查和队伍建设；局党组会专题研究部署，印发工作任务分工通知，开展专题学习和自查自纠；指定专人负责本单位信息的梳理和日常工作的处理，及时转载中央、省、市、区关于民营经济发展的规范性文件，及时发布日常工作动态，推动政府信息公开工作科学化、法治化、规范化水平不断提升。',
            '(四) 政府信息公开平台建设',
            '落实网络意识形态责任制和网络安全工作责任制，积极配合区委网信办认真开展网上自查，确保发挥好政务公开主渠道作用。依托“智慧西工”微信小程序，在“利企服务专区”发布惠企政策、办事指南等信息，进一步提高服务企业的质量和效率。',
            '(五) 政府信息公开监督保障及教育培训',
            '明确责任分工，加强日常指导监督，明确我局政务公开负责领导、责任科室，并指定专人负责信息公开工作。同时加强业务学习与培训，深入学习信息公开相关条例、办法，积极参加相关培训，提高重视程度和业务水平。',
        ],
        '五': [
            '全局政府信息公开工作取得一定成效，但还存在一些问题和不足，主要是：惠企信息公开的深度有待进一步拓展，政策精准解读的到达率有待进一步提升。',
            '改进措施：一是持续深化政策解读工作。及时跟进政策动态，全面开展政策解读，丰富解读形式，拓展解读平台，提高解读质量和到达率。二是加大信息公开力度。根据政府信息公开有关法律法规要求，结合局重点工作，依托“智慧西工”微信小程序等平台加大信息发布量和更新频率，保障社会大众的知情权和监督权。三是加强学习培训。积极参加政府信息公开相关学习培训，使相关工作人员对政府信息公开的范围、程序、方式、内容等有更深入的理解，提升政府信息公开规范化水平。',
        ],
        '六': [
            '我局不存在收取政府信息公开信息处理费情况，无其他需要报告的事项。',
        ],
    },
    # seed 004
    'fugou': {
        "pre": [
            '扶沟县工业和信息化局 2023 年政府信息公开工作 年度报告',
        ],
        '一': [
            '2023 年，扶沟县工信局按照县委、县政府的统一部署，认真贯彻落实《条例》和省、市关于政府信息公开工作的要求，紧扣本单位的工作实际，扎实推进政府信息公开工作，2023 年共公开发表部门动态 15 条。现将我单位 2023 年度政府信息公开工作报告如下：',
            '（一）组织机构建立状况，落实信息公开要求。局党组高度重视，主要领导亲自抓，分管领导详细抓，由局办公室牵头，各股室帮助协作，共同做好政府信息公开工作的开展协调和落实。',
            '（二）建立健全工作机制、制度标准状况。严格遵守政府信息公开报送制度，指定专人负责政府信息公开编制和治理工作，并对内容进展把关和保密审核，畅通快捷的公布通道，确保工作落实到位。',
            '（三）积极完善政府信息公开平台建设。认真落实上级 2023 年政务公开要点，进一步完善了公开栏目，收集、整理各类政务公开信息，按照目录要求收集公开信息并在网上公开。同时，严格遵循“谁公开、谁审查、谁负责”原则，确保了政务信息公开工作扎实开展。',
            '（四）有力加强监督保障。一是强化日常管理，对敏感词、错别字、更新频率等易发问题进行技术检测和人工检查，并跟踪改进；二是继续将政务公开、政府网站工作纳入重点工作考核，落实各项责任，同时对政府信息公开工作的监督，进一步推进公开质量的稳步提升。三是强化政务公开任务落实，及时推进反馈问题整改，有效提升政务信息公开质量。四是积极开展社会评议工作，主要围绕公开信息是否全面、真实、准确；公开的方式、渠道和设施是否便捷有效；',
            '（五）公开形式多样，信息内容全面。我们在政府信息公开工作方面建立了多项措施，丰富信息公开形式。一是在单位通过公开栏等方式公开办事指南、办事流程图等。二是依据《条例》规定，对依申请公开的政府信息分情况及时给予答复，为公众提供快捷、方便的服务，保证政府信息公开及时、准确。三是积极开展与政府网站、新闻单位合作，公开政府信息。',
        ],
        '五': [
            '存在问题：一是主动公开的内容还不够完善，更新还不够及时。二是对政府信息公开工作的宣传工作还不够到位，影响了企业对相关政策、信息知晓的时效性。三是信息公开建设相对较弱。',
            '改进情况：一是进一步提高思想认识。进一步加强对《政府信息公开条例》的宣传教育，使大家能够从建设社会主义民主政治的高度，充分认识其重要意义，切实认真做好政府信息公开工作。二是及时完善相关工作制度和措施。认真查找工作中的不足和漏洞，进一步完善相关工作制度和措施，规范工作程序，严格时限要求，积极稳妥地推进政府信息公开。三是进一步强化制度建设。通过主动公开、及时答复等方法，确保信息公开及时、传达准确有效，充分发挥新闻舆论监督作用，不断改进信息公开工作。',
        ],
        '六': [
            '依据《政府信息公开信息处理费管理办法》的规定，我单位本年度未收取相关费用。',
        ],
    },
}

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
BAD = os.path.join(FIXTURES, "bad")

# ---------------------------------------------------------------------------
# The template (shared/spec/gov-disclosure-2021.md)
# ---------------------------------------------------------------------------

COLS = ["natural", "business", "research", "nonprofit", "legal", "other_org", "total"]
APPLICANT_COLS = COLS[:6]

S2_IDS = [
    "s2.rules.new", "s2.rules.abolished", "s2.rules.in_force",
    "s2.normative.new", "s2.normative.abolished", "s2.normative.in_force",
    "s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
    "s2.fees.amount",
]

# (row id, label of the item column, group label or None)
S3_REFUSED = [
    ("refused.state_secret", "1.属于国家秘密"),
    ("refused.prohibited", "2.其他法律行政法规禁止公开"),
    ("refused.security_stability", "3.危及“三安全一稳定”"),
    ("refused.third_party", "4.保护第三方合法权益"),
    ("refused.internal", "5.属于三类内部事务信息"),
    ("refused.process", "6.属于四类过程性信息"),
    ("refused.enforcement_file", "7.属于行政执法案卷"),
    ("refused.query", "8.属于行政查询事项"),
]
S3_UNABLE = [
    ("unable.not_held", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unable.unclear", "3.补正后申请内容仍不明确"),
]
S3_NOT_PROCESSED = [
    ("not_processed.petition", "1.信访举报投诉类申请"),
    ("not_processed.repeated", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息"),
]
S3_OTHER = [
    ("other_handling.no_correction",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_handling.no_fee",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_handling.misc", "3.其他"),
]
S3_GROUPS = [
    ("（三）不予公开", S3_REFUSED),
    ("（四）无法提供", S3_UNABLE),
    ("（五）不予处理", S3_NOT_PROCESSED),
]
S3_RESULT_ROWS = (["granted", "partly"] + [r for r, _ in S3_REFUSED]
                  + [r for r, _ in S3_UNABLE] + [r for r, _ in S3_NOT_PROCESSED]
                  + [r for r, _ in S3_OTHER])               # the 21 result rows
S3_ROWS = (["new", "carried_in"] + S3_RESULT_ROWS
           + ["results_total", "carried_over"])             # 25 rows
S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

S4_GROUPS = ["review", "suit_direct", "suit_after_review"]
S4_COLS = ["upheld", "corrected", "other", "pending", "total"]
S4_COL_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

ALL_IDS = (S2_IDS
           + [f"s3.{r}.{c}" for r in S3_ROWS for c in COLS]
           + [f"s4.{g}.{c}" for g in S4_GROUPS for c in S4_COLS]
           + [f"s3.other_handling.{c}" for c in COLS])
assert len(ALL_IDS) == 207

HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


# ---------------------------------------------------------------------------
# The variants
# ---------------------------------------------------------------------------
# new / carried_in / carried_over are given per applicant column (natural,
# business, research, nonprofit, legal, other_org); the result rows are
# spread from them by a fixed pseudo-random sequence, so every column
# balances.  "edits" replace seed sentences that said "no applications".

VARIANTS = [
    dict(
        name="weishi_2024", seed="weishi", seed_year=2024, year=2024,
        agency="尉氏县先进制造业开发区", rng=101,
        new=[14, 3, 0, 1, 1, 1], carried_in=[1, 0, 0, 0, 0, 0],
        carried_over=[2, 1, 0, 0, 0, 0],
        s2=dict(rules=(0, 0, 0), normative=(3, 1, 12), licensing=268,
                penalty=41, coercion=6, fees="12.35"),
        s4=dict(review=(2, 1, 0, 1), suit_direct=(1, 0, 1, 0),
                suit_after_review=(0, 0, 0, 1)),
        edits=[("2024 年度无依申请公开办理事件，无因信息公开而产生的行政复议和行政诉讼事件。",
                "2024 年度共收到政府信息公开申请 {new_total} 件，均在法定期限内办理答复；"
                "因政府信息公开被申请行政复议 {review_total} 件，被提起行政诉讼 {suit_total} 件。")],
    ),
    dict(
        name="wenfeng_2024", seed="wenfeng", seed_year=2024, year=2024,
        agency="文峰区行政审批和政务信息管理局", rng=202,
        new=[38, 6, 1, 0, 2, 1], carried_in=[3, 1, 0, 0, 0, 0],
        carried_over=[4, 0, 0, 0, 1, 0],
        s2=dict(rules=(0, 0, 0), normative=(2, 0, 7), licensing=12876,
                penalty=3, coercion=1, fees="36.80"),
        s4=dict(review=(3, 0, 1, 1), suit_direct=(1, 1, 0, 0),
                suit_after_review=(2, 0, 0, 1)),
        edits=[],
    ),
    dict(
        name="binzhou_2024", seed="binzhou", seed_year=2024, year=2024,
        agency="滨州高新技术产业开发区", rng=303, title=None,
        new=[21, 4, 1, 1, 0, 2], carried_in=[1, 0, 0, 0, 0, 1],
        carried_over=[1, 1, 0, 0, 0, 0],
        s2=dict(rules=(1, 0, 4), normative=(5, 2, 23), licensing=5188,
                penalty=34, coercion=17, fees="128.47"),
        s4=dict(review=(1, 0, 0, 1), suit_direct=(0, 0, 1, 1),
                suit_after_review=(1, 1, 0, 0)),
        edits=[("2024年依法及时规范办理各类依申请公开政府信息2件,不存在行政复议和行政诉讼情况发生。",
                "2024年依法及时规范办理各类依申请公开政府信息{results_total}件,"
                "因政府信息公开被申请行政复议{review_total}件。")],
    ),
    dict(
        name="xigong_2024", seed="xigong", seed_year=2024, year=2024,
        agency="西工区民营经济发展局", rng=404,
        new=[9, 5, 0, 0, 1, 0], carried_in=[0, 1, 0, 0, 0, 0],
        carried_over=[1, 0, 0, 0, 0, 0],
        s2=dict(rules=(0, 0, 0), normative=(1, 2, 9), licensing=57,
                penalty=12, coercion=2, fees="0.35"),
        s4=dict(review=(1, 0, 1, 0), suit_direct=(0, 1, 0, 0),
                suit_after_review=(0, 0, 0, 1)),
        edits=[("2024 年无依申请案件。", "2024 年共收到政府信息公开申请 {new_total} 件。")],
        # the deliberate error: one number of new.natural typed one too high
        break_balance="natural",
    ),
    dict(
        name="fugou_2023", seed="fugou", seed_year=2023, year=2023,
        agency="扶沟县工业和信息化局", rng=505,
        new=[27, 7, 0, 1, 2, 1], carried_in=[2, 0, 0, 0, 0, 0],
        carried_over=[3, 1, 0, 0, 0, 0],
        s2=dict(rules=(0, 0, 0), normative=(4, 1, 18), licensing=143,
                penalty=65, coercion=9, fees="3.72"),
        s4=dict(review=(3, 1, 0, 0), suit_direct=(1, 1, 0, 1),
                suit_after_review=(1, 0, 0, 0)),
        edits=[],
        one_row_other=True,       # （六）其他处理 as one row, as the corpus
    ),
    dict(
        name="fugou_2024", seed="fugou", seed_year=2023, year=2024,
        agency="扶沟县工业和信息化局", rng=606,
        new=[31, 5, 1, 0, 3, 2], carried_in_from="fugou_2023",
        carried_over=[2, 0, 0, 0, 1, 0],
        s2=dict(rules=(0, 0, 0), normative=(2, 3, 17), licensing=167,
                penalty=58, coercion=11, fees="4.05"),
        s4=dict(review=(2, 0, 1, 1), suit_direct=(0, 0, 1, 0),
                suit_after_review=(1, 1, 0, 0)),
        edits=[],
    ),
]

# (variant, style, engine, options, notes)
RENDERS = [
    ("weishi_2024", "word", "lo", {},
     "LibreOffice from flat ODT: ruled tables with merged header cells, the "
     "vertical group label 三、本年度办理结果 wrapped in a narrow rowspan cell, "
     "Noto Serif CJK SC (embedded as Type 1), page footer '- N -'"),
    ("weishi_2024", "browser", "chromium", {"kangxi": True},
     "Chromium print-to-pdf from HTML, Noto Sans CJK SC (embedded as Type 3 "
     "fonts), page footer '第 N 页'.  Kangxi case: Chromium's ToUnicode maps "
     "一 二 人 工 行 … to the radicals ⼀ ⼆ ⼈ ⼯ ⾏ … and Chromium 156 repairs "
     "that with /ActualText spans; these spans are removed here, as older "
     "Chromium wrote no spans, so the text layer really reads ⼀、总体情况: "
     "normalise with NFKC"),
    ("wenfeng_2024", "split", "chromium", {"split": "repeat", "font": "wqy"},
     "Chromium, WenQuanYi Micro Hei (CID TrueType); table S3 broken by a forced "
     "page break before （四）无法提供 1.本机关不掌握相关政府信息, the three header "
     "rows (申请人情况 …) repeated at the top of the next page; the rowspan cell "
     "三、本年度办理结果 goes on over the break"),
    ("binzhou_2024", "word", "lo", {"font": "sans"},
     "LibreOffice, Noto Sans CJK SC; no title line: agency and year only in "
     "the opening sentence before 一、总体情况"),
    ("binzhou_2024", "narrow", "chromium", {"narrow": True, "font": "droid"},
     "Chromium, Droid Sans Fallback (CID TrueType); narrow columns: column "
     "headers wrap (社会/公益/组织, 结果/维持) and row labels wrap over two or "
     "three lines"),
    ("xigong_2024", "word", "lo", {},
     "LibreOffice; s3.balance deliberately broken in column natural (and so in "
     "total): see notes in the expected JSON"),
    ("xigong_2024", "landscape", "lo", {"landscape": True},
     "LibreOffice; section 四 and table S4 on a landscape page (page style "
     "switch), the report goes on in portrait"),
    ("fugou_2023", "word", "lo", {},
     "LibreOffice; （六）其他处理 as one row (2019 S3 template, as the corpus): "
     "sub-rows null, the aggregate s3.other_handling.* holds the values"),
    ("fugou_2023", "narrow", "lo", {"narrow": True},
     "LibreOffice; narrow table columns: headers and row labels wrap inside cells; "
     "（六）其他处理 as one row"),
    ("fugou_2024", "split", "lo", {"split": "norepeat"},
     "LibreOffice; tall rows make table S3 run over a page break (Writer cannot "
     "force a break inside a table), header rows NOT repeated; carried_in "
     "equals fugou_2023's carried_over"),
    ("fugou_2024", "landscape", "chromium", {"landscape": True},
     "Chromium, Noto Sans CJK SC (Type 3 fonts, plain Unicode text layer); "
     "section 四 and table S4 on a landscape page (CSS named page)"),
]


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

class Lcg:
    """A tiny fixed pseudo-random sequence (the same on every Python)."""

    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def below(self, n):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


# How often each result row is chosen for one application (made up, but in
# the proportions real reports show: most are granted or "not held").
RESULT_WEIGHTS = {
    "granted": 30, "partly": 8,
    "refused.state_secret": 1, "refused.prohibited": 1,
    "refused.security_stability": 1, "refused.third_party": 3,
    "refused.internal": 2, "refused.process": 3,
    "refused.enforcement_file": 1, "refused.query": 2,
    "unable.not_held": 18, "unable.needs_creation": 4, "unable.unclear": 2,
    "not_processed.petition": 4, "not_processed.repeated": 3,
    "not_processed.publication": 1, "not_processed.excessive": 1,
    "not_processed.confirm": 1,
    "other_handling.no_correction": 3, "other_handling.no_fee": 1,
    "other_handling.misc": 2,
}


def make_cells(v, done):
    """Return (cells dict in ALL_IDS order, display strings) for variant v."""
    rng = Lcg(v["rng"])
    cells = {k: None for k in ALL_IDS}
    s2 = v["s2"]
    for i, col in enumerate(("new", "abolished", "in_force")):
        cells[f"s2.rules.{col}"] = s2["rules"][i]
        cells[f"s2.normative.{col}"] = s2["normative"][i]
    cells["s2.licensing.decisions"] = s2["licensing"]
    cells["s2.penalty.decisions"] = s2["penalty"]
    cells["s2.coercion.decisions"] = s2["coercion"]
    fee = float(s2["fees"])
    cells["s2.fees.amount"] = int(fee) if fee == int(fee) else fee

    if "carried_in_from" in v:
        prev = done[v["carried_in_from"]]
        carried_in = [prev[f"s3.carried_over.{c}"] for c in APPLICANT_COLS]
    else:
        carried_in = v["carried_in"]
    weights = list(RESULT_WEIGHTS.items())
    wsum = sum(w for _, w in weights)
    for ci, col in enumerate(APPLICANT_COLS):
        new, cin, cout = v["new"][ci], carried_in[ci], v["carried_over"][ci]
        assert cout <= new + cin
        done_n = new + cin - cout
        counts = {r: 0 for r in S3_RESULT_ROWS}
        for _ in range(done_n):
            x = rng.below(wsum)
            for r, w in weights:
                if x < w:
                    counts[r] += 1
                    break
                x -= w
        cells[f"s3.new.{col}"] = new
        cells[f"s3.carried_in.{col}"] = cin
        cells[f"s3.carried_over.{col}"] = cout
        cells[f"s3.results_total.{col}"] = done_n
        for r in S3_RESULT_ROWS:
            cells[f"s3.{r}.{col}"] = counts[r]
    if v.get("break_balance"):
        cells[f"s3.new.{v['break_balance']}"] += 1
    for r in S3_ROWS:
        cells[f"s3.{r}.total"] = sum(cells[f"s3.{r}.{c}"] for c in APPLICANT_COLS)
    for c in COLS:
        cells[f"s3.other_handling.{c}"] = sum(
            cells[f"s3.{r}.{c}"] for r, _ in S3_OTHER)
    if v.get("one_row_other"):
        for r, _ in S3_OTHER:
            for c in COLS:
                cells[f"s3.{r}.{c}"] = None
    for g in S4_GROUPS:
        parts = v["s4"][g]
        for c, n in zip(S4_COLS, parts):
            cells[f"s4.{g}.{c}"] = n
        cells[f"s4.{g}.total"] = sum(parts)
    check_cells(v, cells)
    display = {k: ("" if val is None else str(val)) for k, val in cells.items()}
    display["s2.fees.amount"] = s2["fees"]
    return cells, display


def check_cells(v, cells):
    """The consistency rules hold, except the one a variant breaks on purpose."""
    broken = set()
    for c in COLS:
        g = lambda r: cells[f"s3.{r}.{c}"]
        if g("new") + g("carried_in") != g("results_total") + g("carried_over"):
            broken.add(("s3.balance", c))
        rows = [r for r in S3_RESULT_ROWS if not r.startswith("other_handling.")]
        if sum(g(r) for r in rows) + g("other_handling") != g("results_total"):
            broken.add(("s3.results_sum", c))
    for r in S3_ROWS + ["other_handling"]:
        if cells[f"s3.{r}.natural"] is None:
            continue
        if sum(cells[f"s3.{r}.{c}"] for c in APPLICANT_COLS) != cells[f"s3.{r}.total"]:
            broken.add(("s3.row_total", r))
    expect = set()
    if v.get("break_balance"):
        expect = {("s3.balance", v["break_balance"]), ("s3.balance", "total")}
    assert broken == expect, (v["name"], broken)
    assert len(cells) == 207


# ---------------------------------------------------------------------------
# Prose
# ---------------------------------------------------------------------------

def variant_text(v, cells):
    """Title (or None), preamble paragraphs, and sections 一/五/六."""
    prose = SEED_PROSE[v["seed"]]
    facts = {
        "new_total": cells["s3.new.total"],
        "results_total": cells["s3.results_total.total"],
        "review_total": cells["s4.review.total"],
        "suit_total": cells["s4.suit_direct.total"] + cells["s4.suit_after_review.total"],
    }

    def fix(p):
        for old, new in v["edits"]:
            p = p.replace(old, new.format(**facts))
        if v["year"] != v["seed_year"]:
            p = p.replace(str(v["seed_year"]), str(v["year"]))
        return p

    for old, _ in v["edits"]:
        assert any(old in p for k in ("一", "五", "六") for p in prose[k]), old
    pre = [fix(p) for p in prose["pre"]]
    title = None
    if v.get("title", "") is not None:
        title, pre = pre[0], pre[1:]
    sections = {k: [fix(p) for p in prose[k]] for k in ("一", "五", "六")}
    return title, pre, sections


def expected_json(v, cells, sections):
    doc = {
        "agency": v["agency"],
        "year": v["year"],
        "cells": cells,
        "template": {"s2": "2021", "s3": "2019" if v.get("one_row_other") else "2021",
                     "s4": "2021"},
        "sections": {k: "\n".join(ps) for k, ps in sections.items()},
    }
    notes = []
    if v.get("break_balance"):
        c = v["break_balance"]
        notes.append(
            f"s3.balance is broken on purpose in column {c}: s3.new.{c} is "
            f"{cells[f's3.new.{c}']}, one more than the other rows account for "
            f"(new + carried_in = {cells[f's3.new.{c}'] + cells[f's3.carried_in.{c}']}, "
            f"results_total + carried_over = "
            f"{cells[f's3.results_total.{c}'] + cells[f's3.carried_over.{c}']}); "
            f"s3.new.total is the sum of its row, so the total column breaks "
            f"s3.balance too; every other rule holds.")
    if v.get("one_row_other"):
        notes.append("（六）其他处理 is one row: its three sub-rows are null and "
                     "s3.other_handling.* holds the values (template s3 2019).")
    if "carried_in_from" in v:
        notes.append(f"s3.carried_in.* equals {v['carried_in_from']}'s "
                     f"s3.carried_over.* (rule year.carry holds).")
    if v.get("title", "") is None:
        notes.append("No title line: agency and year appear only in the opening "
                     "sentence before 一、总体情况.")
    if notes:
        doc["notes"] = " ".join(notes)
    return doc


def dump_json(doc):
    # exactly the shape of shared/corpus/*.expected.json: indent 1, UTF-8,
    # no trailing newline
    return json.dumps(doc, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------------------
# Tables as grids of cells with spans (rendered to HTML and to ODF)
# ---------------------------------------------------------------------------

class Cell:
    def __init__(self, text, cs=1, rs=1, kind="num"):
        self.text, self.cs, self.rs, self.kind = text, cs, rs, kind


class Table:
    def __init__(self, name, widths, rows, header_rows=0, break_before=None):
        self.name = name
        self.widths = widths              # column widths in cm
        self.rows = rows                  # list of lists of Cell
        self.header_rows = header_rows    # rows at the top that may repeat
        self.break_before = break_before  # row index with a forced page break
        self.tall = False                 # LibreOffice: tall body rows


def nums(d, prefix, cols):
    return [Cell(d[f"{prefix}.{c}"]) for c in cols]


def s2_table(d, narrow=False):
    w = [3.2, 2.5, 2.5, 2.5] if narrow else [4.6, 3.6, 3.6, 3.6]
    H = lambda t, cs=1: Cell(t, cs, 1, "head")
    L = lambda t: Cell(t, 1, 1, "label")
    B = lambda t: Cell(t, 4, 1, "block")
    rows = [
        [B("第二十条第（一）项")],
        [H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数")],
        [L("规章")] + nums(d, "s2.rules", ["new", "abolished", "in_force"]),
        [L("行政规范性文件")] + nums(d, "s2.normative", ["new", "abolished", "in_force"]),
        [B("第二十条第（五）项")],
        [H("信息内容"), H("本年处理决定数量", 3)],
        [L("行政许可"), Cell(d["s2.licensing.decisions"], 3)],
        [B("第二十条第（六）项")],
        [H("信息内容"), H("本年处理决定数量", 3)],
        [L("行政处罚"), Cell(d["s2.penalty.decisions"], 3)],
        [L("行政强制"), Cell(d["s2.coercion.decisions"], 3)],
        [B("第二十条第（八）项")],
        [H("信息内容"), H("本年收费金额（单位：万元）", 3)],
        [L("行政事业性收费"), Cell(d["s2.fees.amount"], 3)],
    ]
    return Table("S2", w, rows)


def s3_table(d, one_row_other=False, narrow=False, split=None, num_width=0.8):
    if narrow:
        w = [0.7, 1.5, 2.7] + [num_width] * 7
    else:
        w = [1.0, 2.0, 4.2] + [1.17] * 7
    H = lambda t, cs=1, rs=1: Cell(t, cs, rs, "head")
    L = lambda t, cs=1, rs=1: Cell(t, cs, rs, "label")
    rows = [
        [H(S3_NOTE, 3, 3), H("申请人情况", 7)],
        [H("自然人", 1, 2), H("法人或其他组织", 5), H("总计", 1, 2)],
        [H("商业企业"), H("科研机构"), H("社会公益组织"), H("法律服务机构"), H("其他")],
        [L("一、本年新收政府信息公开申请数量", 3)] + nums(d, "s3.new", COLS),
        [L("二、上年结转政府信息公开申请数量", 3)] + nums(d, "s3.carried_in", COLS),
    ]
    n_result = 2 + 8 + 3 + 5 + (1 if one_row_other else 3) + 1
    rows.append([Cell("三、本年度办理结果", 1, n_result, "group"),
                 L("（一）予以公开", 2)] + nums(d, "s3.granted", COLS))
    rows.append([L("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)]
                + nums(d, "s3.partly", COLS))
    groups = list(S3_GROUPS)
    if not one_row_other:
        groups.append(("（六）其他处理", S3_OTHER))
    break_row = None
    for glabel, items in groups:
        for i, (rid, label) in enumerate(items):
            row = [L(glabel, 1, len(items))] if i == 0 else []
            if rid == "unable.not_held":
                break_row = len(rows)
            rows.append(row + [L(label)] + nums(d, f"s3.{rid}", COLS))
    if one_row_other:
        rows.append([L("（六）其他处理", 2)] + nums(d, "s3.other_handling", COLS))
    rows.append([L("（七）总计", 2)] + nums(d, "s3.results_total", COLS))
    rows.append([L("四、结转下年度继续办理", 3)] + nums(d, "s3.carried_over", COLS))
    return Table("S3", w, rows, header_rows=3,
                 break_before=break_row if split else None)


def s4_table(d, narrow=False, landscape=False, num_width=0.8):
    if landscape:
        w = [1.62] * 15
    elif narrow:
        w = [num_width] * 15
    else:
        w = [1.02] * 15
    H = lambda t, cs=1, rs=1: Cell(t, cs, rs, "head")
    rows = [
        [H("行政复议", 5), H("行政诉讼", 10)],
        [H(t, 1, 2) for t in S4_COL_LABELS] + [H("未经复议直接起诉", 5), H("复议后起诉", 5)],
        [H(t) for t in S4_COL_LABELS] * 2,
        [Cell(d[f"s4.{g}.{c}"]) for g in S4_GROUPS for c in S4_COLS],
    ]
    return Table("S4", w, rows, header_rows=3)


def grid_slots(table):
    """Yield, per row, a list over the columns: a Cell where one starts, or
    'covered' where a span from this or an earlier row covers the slot."""
    ncols = len(table.widths)
    occupied = {}
    out = []
    for ri, row in enumerate(table.rows):
        slots = [None] * ncols
        it = iter(row)
        for ci in range(ncols):
            if (ri, ci) in occupied:
                slots[ci] = "covered"
                continue
            if slots[ci] == "covered":
                continue
            cell = next(it)
            slots[ci] = cell
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    if dr or dc:
                        if dr == 0:
                            slots[ci + dc] = "covered"
                        else:
                            occupied[(ri + dr, ci + dc)] = True
        rest = list(it)
        assert not rest, (table.name, ri, [c.text for c in rest])
        assert all(s is not None for s in slots), (table.name, ri)
        out.append(slots)
    return out


# ---------------------------------------------------------------------------
# HTML for Chromium
# ---------------------------------------------------------------------------

FONTS = {"sans": "Noto Sans CJK SC", "serif": "Noto Serif CJK SC",
         "wqy": "WenQuanYi Micro Hei", "droid": "Droid Sans Fallback"}

HTML_CSS = """
@page { size: A4 portrait; margin: 2.4cm 2.5cm 2.2cm 2.5cm;
        @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
@page wide { size: A4 landscape; margin: 2cm 2.5cm 2cm 2.5cm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "%(font)s"; font-size: 12pt; line-height: 1.75; margin: 0; }
h1 { font-size: 19pt; text-align: center; margin: 0 0 1em; line-height: 1.5;
     font-weight: bold; }
h2 { font-size: 13pt; font-weight: bold; margin: .7em 0 .3em; text-indent: 2em;
     break-after: avoid; }
p { text-indent: 2em; margin: 0; text-align: justify; }
table { border-collapse: collapse; table-layout: fixed; margin: .4em auto 1em;
        font-size: 9.5pt; line-height: 1.3; }
td { border: .75pt solid #000; padding: 2pt 2pt; text-align: center;
     vertical-align: middle; overflow-wrap: anywhere; }
td.label { text-align: left; }
td.head { background: #f2f2f2; }
td.block { background: #d9d9d9; font-weight: bold; }
tr.brk { break-before: page; }
h2.newpage { break-before: page; }
.split td.group { vertical-align: top; padding-top: 1em; }
tr { break-inside: avoid; }
.wide { page: wide; }
"""


def html_table(t, repeat_header=False):
    cls = t.name.lower() + (" split" if t.break_before is not None else "")
    out = [f'<table class="{cls}" style="width:{sum(t.widths):.2f}cm">',
           "<colgroup>"]
    out += [f'<col style="width:{w:.2f}cm">' for w in t.widths]
    out.append("</colgroup>")
    grid = grid_slots(t)
    in_head = repeat_header and t.header_rows
    out.append("<thead>" if in_head else "<tbody>")
    for ri, slots in enumerate(grid):
        if in_head and ri == t.header_rows:
            out.append("</thead><tbody>")
        cls = ' class="brk"' if ri == t.break_before else ""
        tds = []
        for s in slots:
            if s == "covered":
                continue
            attrs = f' class="{s.kind}"'
            if s.cs > 1:
                attrs += f' colspan="{s.cs}"'
            if s.rs > 1:
                attrs += f' rowspan="{s.rs}"'
            tds.append(f"<td{attrs}>{html.escape(str(s.text))}</td>")
        out.append(f"<tr{cls}>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(v, title, pre, sections, d, opts):
    font = FONTS[opts.get("font", "sans")]
    narrow = opts.get("narrow", False)
    body = []
    if title:
        body.append(f"<h1>{html.escape(title)}</h1>")
    body += [f"<p>{html.escape(p)}</p>" for p in pre]

    def section(k, content, cls=""):
        body.append(f"<h2{cls}>{HEADINGS[k]}</h2>")
        body.extend(content)

    section("一", [f"<p>{html.escape(p)}</p>" for p in sections["一"]])
    section("二", [html_table(s2_table(d, narrow))])
    # split: S3 starts on a new page, then breaks where it is told to
    # (rowspan cells centred over a break land in the gap: align them top)
    # (Chromium needs wider cells than Writer for two characters a line)
    section("三", [html_table(s3_table(d, v.get("one_row_other"), narrow,
                                        opts.get("split"), num_width=0.98),
                              opts.get("split") == "repeat")],
            ' class="newpage"' if opts.get("split") else "")
    s4 = html_table(s4_table(d, narrow, opts.get("landscape"), num_width=0.98))
    if opts.get("landscape"):
        body.append(f'<div class="wide"><h2>{HEADINGS["四"]}</h2>\n{s4}</div>')
    else:
        section("四", [s4])
    section("五", [f"<p>{html.escape(p)}</p>" for p in sections["五"]])
    section("六", [f"<p>{html.escape(p)}</p>" for p in sections["六"]])
    doc_title = title or f"{v['agency']}{v['year']}年政府信息公开工作年度报告"
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(doc_title)}</title>\n<style>{HTML_CSS % {'font': font}}"
            "</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


# ---------------------------------------------------------------------------
# Flat ODT for LibreOffice
# ---------------------------------------------------------------------------

def _tp(font, size, bold=False):
    """ODF text properties for Latin and CJK text alike."""
    w = "bold" if bold else "normal"
    return (f'<style:text-properties style:font-name="{font}" '
            f'style:font-name-asian="{font}" fo:font-size="{size}pt" '
            f'style:font-size-asian="{size}pt" fo:font-weight="{w}" '
            f'style:font-weight-asian="{w}" fo:language="zh" fo:country="CN" '
            f'style:language-asian="zh" style:country-asian="CN"/>')


def fodt_styles(body_font):
    para = lambda name, pp, tp, parent="Standard", extra="": (
        f'<style:style style:name="{name}" style:family="paragraph" '
        f'style:parent-style-name="{parent}"{extra}>'
        f'<style:paragraph-properties {pp}/>{tp}</style:style>')
    return "\n".join([
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties style:line-break="strict" '
        'style:punctuation-wrap="hanging"/>' + _tp(body_font, 14) + "</style:default-style>",
        '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>',
        para("Body", 'fo:text-indent="0.99cm" fo:text-align="justify" '
             'fo:line-height="150%" fo:margin-top="0cm" fo:margin-bottom="0cm"',
             _tp(body_font, 14)),
        para("Title", 'fo:text-align="center" fo:line-height="140%" '
             'fo:margin-bottom="0.5cm"', _tp("Serif", 20, True)),
        para("H", 'fo:text-indent="0.99cm" fo:line-height="150%" '
             'fo:margin-top="0.15cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"',
             _tp("Sans", 14)),
        para("TC", 'fo:text-align="center" fo:line-height="115%" '
             'fo:margin-top="0cm" fo:margin-bottom="0cm"', _tp(body_font, 9)),
        para("TL", 'fo:text-align="start" fo:line-height="115%" '
             'fo:margin-top="0cm" fo:margin-bottom="0cm"', _tp(body_font, 9)),
        para("TB", 'fo:text-align="center" fo:line-height="115%" '
             'fo:margin-top="0cm" fo:margin-bottom="0cm"', _tp(body_font, 9, True)),
        para("Footer", 'fo:text-align="center"', _tp("Serif", 10)),
    ])


def fodt_table(t, repeat_header=False):
    auto, out = [], []
    name = t.name
    auto.append(f'<style:style style:name="T{name}" style:family="table">'
                f'<style:table-properties style:width="{sum(t.widths):.2f}cm" '
                f'table:align="center" fo:margin-top="0.15cm" fo:margin-bottom="0.35cm"/>'
                f'</style:style>')
    for i, w in enumerate(t.widths):
        auto.append(f'<style:style style:name="T{name}.C{i}" style:family="table-column">'
                    f'<style:table-column-properties style:column-width="{w:.2f}cm"/>'
                    f'</style:style>')
    out.append(f'<table:table table:name="{name}" table:style-name="T{name}">')
    out += [f'<table:table-column table:style-name="T{name}.C{i}"/>'
            for i in range(len(t.widths))]
    grid = grid_slots(t)
    in_head = repeat_header and t.header_rows
    if in_head:
        out.append("<table:table-header-rows>")
    for ri, slots in enumerate(grid):
        if in_head and ri == t.header_rows:
            out.append("</table:table-header-rows>")
        rs = ' table:style-name="RTall"' if t.tall and ri >= t.header_rows else ' table:style-name="R"'
        out.append(f"<table:table-row{rs}>")
        for s in slots:
            if s == "covered":
                out.append("<table:covered-table-cell/>")
                continue
            cstyle = {"head": "CH", "block": "CB"}.get(s.kind, "CN")
            pstyle = {"label": "TL", "block": "TB"}.get(s.kind, "TC")
            attrs = f' table:style-name="{cstyle}" office:value-type="string"'
            if s.cs > 1:
                attrs += f' table:number-columns-spanned="{s.cs}"'
            if s.rs > 1:
                attrs += f' table:number-rows-spanned="{s.rs}"'
            out.append(f'<table:table-cell{attrs}><text:p text:style-name="{pstyle}">'
                       f'{html.escape(str(s.text), quote=False)}</text:p></table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table>")
    return auto, "\n".join(out)


FODT_AUTO = """
<style:page-layout style:name="PLP"><style:page-layout-properties fo:page-width="21cm"
 fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.54cm"
 fo:margin-bottom="1.6cm" fo:margin-left="2.8cm" fo:margin-right="2.8cm"/>
 <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="PLL"><style:page-layout-properties fo:page-width="29.7cm"
 fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="2.2cm"
 fo:margin-bottom="1.6cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
 <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="HLand" style:family="paragraph" style:parent-style-name="H"
 style:master-page-name="Landscape"><style:paragraph-properties style:page-number="auto"/></style:style>
<style:style style:name="HPort" style:family="paragraph" style:parent-style-name="H"
 style:master-page-name="Standard"><style:paragraph-properties style:page-number="auto"/></style:style>
<style:style style:name="R" style:family="table-row"><style:table-row-properties
 fo:keep-together="auto"/></style:style>
<style:style style:name="RTall" style:family="table-row"><style:table-row-properties
 style:min-row-height="1.15cm" fo:keep-together="auto"/></style:style>
<style:style style:name="HBrk" style:family="paragraph" style:parent-style-name="H">
 <style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="CN" style:family="table-cell"><style:table-cell-properties
 fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"/></style:style>
<style:style style:name="CH" style:family="table-cell"><style:table-cell-properties
 fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"
 fo:background-color="#f2f2f2"/></style:style>
<style:style style:name="CB" style:family="table-cell"><style:table-cell-properties
 fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"
 fo:background-color="#d9d9d9"/></style:style>
"""

FOOTER = ('<style:footer><text:p text:style-name="Footer">- <text:page-number '
          'text:select-page="current">1</text:page-number> -</text:p></style:footer>')


def render_fodt(v, title, pre, sections, d, opts):
    body_font = "Sans" if opts.get("font") == "sans" else "Serif"
    narrow = opts.get("narrow", False)
    landscape = opts.get("landscape", False)
    auto, body = [], []
    P = lambda style, text: (f'<text:p text:style-name="{style}">'
                             f'{html.escape(text, quote=False)}</text:p>')
    if title:
        # the real template puts the agency on one line and the rest below
        m = re.match(r"^(.*?)\s*(\d{4}\s*年.*)$", title)
        if m and not narrow:
            body.append(P("Title", m.group(1)))
            body.append(P("Title", m.group(2)))
        else:
            body.append(P("Title", title))
    body += [P("Body", p) for p in pre]
    body.append(P("H", HEADINGS["一"]))
    body += [P("Body", p) for p in sections["一"]]
    s3 = s3_table(d, v.get("one_row_other"), narrow)
    # Writer ignores a page break before a table row: tall rows make the
    # table longer than what is left of the page instead
    s3.tall = bool(opts.get("split"))
    tables = [("二", s2_table(d, narrow), False),
              ("三", s3, opts.get("split") != "norepeat"),
              ("四", s4_table(d, narrow, landscape), True)]
    for k, t, rep in tables:
        hstyle = "HLand" if (landscape and k == "四") else "H"
        if k == "三" and opts.get("split"):
            hstyle = "HBrk"     # S3 starts a page and is too tall for it
        body.append(P(hstyle, HEADINGS[k]))
        a, x = fodt_table(t, rep)
        auto += a
        body.append(x)
    body.append(P("HPort" if landscape else "H", HEADINGS["五"]))
    body += [P("Body", p) for p in sections["五"]]
    body.append(P("H", HEADINGS["六"]))
    body += [P("Body", p) for p in sections["六"]]
    doc_title = title or f"{v['agency']}{v['year']}年政府信息公开工作年度报告"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{html.escape(doc_title, quote=False)}</dc:title></office:meta>
<office:font-face-decls>
<style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'" style:font-family-generic="roman"/>
<style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
{fodt_styles(body_font)}
</office:styles>
<office:automatic-styles>
{FODT_AUTO}
{chr(10).join(auto)}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="PLP">{FOOTER}</style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="PLL">{FOOTER}</style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


# ---------------------------------------------------------------------------
# Running the converters, making the output reproducible
# ---------------------------------------------------------------------------

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace"))
        raise SystemExit(f"failed ({r.returncode}): {' '.join(cmd)}")
    return r.stdout


def need(*tools):
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        raise SystemExit("missing programs: " + ", ".join(missing) +
                         " (apt-get install libreoffice-writer-nogui chromium qpdf "
                         "poppler-utils img2pdf fonts-noto-cjk)")


def need_fonts():
    have = run(["fc-list", ":", "family"]).decode()
    missing = [f for f in FONTS.values() if f not in have]
    if missing:
        raise SystemExit("missing fonts: " + ", ".join(missing) +
                         " (apt-get install fonts-noto-cjk fonts-wqy-microhei "
                         "fonts-droid-fallback)")


def libreoffice_to_pdf(sources, outdir, tmp):
    """Convert .fodt files with a private LibreOffice profile (so that a
    LibreOffice the user has open, or a parallel run, does not interfere),
    one process per file: the ids LibreOffice gives embedded fonts depend on
    what the process converted before."""
    profile = "file://" + os.path.join(tmp, "lo-profile")
    for src in sources:
        run(["libreoffice", f"-env:UserInstallation={profile}", "--headless",
             "--norestore", "--convert-to", "pdf", "--outdir", outdir, src])


def chromium_to_pdf(src, out, tmp):
    profile = tempfile.mkdtemp(prefix="chromium-", dir=tmp)
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--no-pdf-header-footer", f"--print-to-pdf={out}",
         "file://" + os.path.abspath(src)])
    if not os.path.exists(out):
        raise SystemExit(f"chromium wrote no {out}")


def strip_actualtext(data):
    """Unwrap Chromium's /ActualText spans in the content streams of a QDF
    file.  Skia's ToUnicode maps a glyph that the font shares between an
    ideograph and its Kangxi radical twin (一/⼀, 人/⼈, 工/⼯ …) to the
    radical, and wraps each such glyph in a marked-content span whose
    /ActualText gives the real character; older Chromium versions wrote no
    span, so their text layer reads ⼀ for 一.  Removing the spans gives that
    older output."""
    def unwrap(m):
        assert b"BDC" not in m.group(1)
        return m.group(1)
    data, n = re.subn(rb"/Span\s*<<\s*/ActualText\s*<[0-9A-Fa-f]+>\s*>>\s*BDC(.*?)EMC",
                      unwrap, data, flags=re.S)
    assert n > 0, "no /ActualText spans found"
    return data


def normalise_pdf(src, dst, date, tmp, kangxi=False):
    """Fix the dates and ids that change from run to run: rewrite the file in
    qpdf's QDF form, replace the dates in /Info and XMP, and write it again
    with a document id computed from the content.  With kangxi, also unwrap
    the /ActualText spans (see strip_actualtext)."""
    q1 = os.path.join(tmp, "norm1.qdf")
    q2 = os.path.join(tmp, "norm2.qdf")
    run(["qpdf", "--qdf", "--object-streams=disable", src, q1])
    data = open(q1, "rb").read()
    d = date.encode()
    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)",
                  lambda m: b"/" + m.group(1) + b" (" + d + b")", data)
    iso = f"{date[2:6]}-{date[6:8]}-{date[8:10]}T{date[10:12]}:{date[12:14]}:{date[14:16]}+08:00"
    data = re.sub(rb"<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>[^<]*<",
                  lambda m: b"<" + m.group(1) + b">" + iso.encode() + b"<", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", b"uuid:00000000-0000-0000-0000-000000000000", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", b"", data)   # LibreOffice
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]", b"", data)
    if kangxi:
        data = strip_actualtext(data)
    open(q1, "wb").write(data)
    with open(q2, "wb") as f:
        f.write(run(["fix-qdf", q1]))
    run(["qpdf", "--deterministic-id", "--object-streams=generate",
         "--compress-streams=y", "--recompress-flate", q2, dst])


def pdf_date(v):
    return f"D:{v['year'] + 1}0120093000+08'00'"


# ---------------------------------------------------------------------------
# Checking what came out
# ---------------------------------------------------------------------------

def pdftotext_pages(pdf):
    txt = run(["pdftotext", "-layout", pdf, "-"]).decode("utf-8")
    return txt.split("\f")


def page_sizes(pdf):
    info = run(["pdfinfo", "-f", "1", "-l", "999", pdf]).decode()
    return [tuple(float(x) for x in m) for m in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


# CJK Radicals Supplement characters that Chromium's ToUnicode gives for
# simplified ideographs: NFKC leaves these alone (they have no
# decomposition), so a reader needs its own table
RADICALS_SUPPLEMENT = {
    "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ecb": "车", "\u2ed3": "长",
    "\u2ed4": "门", "\u2ed8": "青", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞",
    "\u2edd": "食", "\u2ee2": "马", "\u2ee9": "黄", "\u2eec": "齐", "\u2eee": "齿",
    "\u2ef0": "龙",
}


def fold(text):
    text = unicodedata.normalize("NFKC", text)
    return "".join(RADICALS_SUPPLEMENT.get(c, c) for c in text)


def check_prose(pdf, sections):
    """Every paragraph of sections 一/五/六 is in the text layer (compared
    without white space and ASCII punctuation, page footers dropped, folded
    as above).  ASCII punctuation is left out because Chromium draws it with
    a fallback font whose tall boxes pdftotext may put on another line."""
    pages = run(["pdftotext", pdf, "-"]).decode("utf-8").split("\f")
    kept = []
    for p in pages:
        lines = [ln for ln in p.split("\n") if ln.strip()]
        if lines and re.fullmatch(r"\s*(第\s*\d+\s*页|-\s*\d+\s*-)\s*", fold(lines[-1])):
            lines = lines[:-1]
        kept.append("".join(lines))
    squeeze = lambda t: re.sub(r"[\s!-/:-@\[-`{-~]+", "", fold(t))
    flat = squeeze("".join(kept))
    for k, paras in sections.items():
        for para in paras:
            if squeeze(para) not in flat:
                raise SystemExit(f"{pdf}: section {k} paragraph not found: {para[:40]}…")


def verify(pdf, v, style, opts, display):
    """Fail if a number is not in the text layer where it should be, or if
    the layout the style promises did not happen."""
    raw_pages = pdftotext_pages(pdf)
    text = "\n".join(raw_pages)
    pages = [fold(p) for p in raw_pages]
    norm = "\n".join(pages)
    tokens = set(re.findall(r"\d+(?:\.\d+)?", norm))
    for k, s in display.items():
        if s and s not in tokens:
            raise SystemExit(f"{pdf}: {k} = {s} not found in the text layer")
    def page_of(label):
        hits = [i for i, p in enumerate(pages) if label in p]
        assert hits, (pdf, label)
        return hits[0]
    a, b = page_of("一、本年新收"), page_of("四、结转下年度继续办理")
    if opts.get("split"):
        assert b == a + 1, (pdf, "S3 not split over two pages", a, b)
        if opts.get("split_forced"):
            assert page_of("8.属于行政查询事项") == a and page_of("本机关不掌握") == b, pdf
        head_again = "申请人情况" in pages[b]
        assert head_again == (opts["split"] == "repeat"), (pdf, "header repeat", head_again)
    sizes = page_sizes(pdf)
    s4 = page_of("复议后起诉")
    if opts.get("landscape"):
        assert sizes[s4][0] > sizes[s4][1], (pdf, "S4 page not landscape", sizes[s4])
        assert sizes[-1][0] < sizes[-1][1], (pdf, "last page not portrait")
    if opts.get("kangxi"):
        assert "\u2f00" in text, (pdf, "no Kangxi radicals")
    else:
        assert not re.search("[\u2f00-\u2fdf]", text), (pdf, "unexpected Kangxi radicals")
    # where things landed, for the manifest
    start = page_of("三、收到和处理政府信息公开申请情况")
    where = [f"{len(sizes)} pages"]
    s2a, s2b = page_of("第二十条第(一)项"), page_of("行政事业性收费")
    where.append(f"S2 on page {s2a + 1}" if s2a == s2b else f"S2 on pages {s2a + 1}-{s2b + 1}")
    if a == b:
        where.append(f"S3 on page {a + 1}")
    else:
        where.append(f"S3 on pages {a + 1}-{b + 1} (header rows "
                     + ("repeated" if "申请人情况" in pages[b] else "not repeated") + ")")
    if start != a:
        where.append(f"S3 heading and header rows on page {start + 1}, first data row on page {a + 1}")
    where.append(f"S4 on page {s4 + 1}" + (" (landscape)" if sizes[s4][0] > sizes[s4][1] else ""))
    return "; ".join(where)


# ---------------------------------------------------------------------------
# Hard cases
# ---------------------------------------------------------------------------

NO_REPORT_TEXT = [
    ("关于做好今冬明春森林草原防灭火工作的通知", "Title"),
    ("各乡镇人民政府、街道办事处，县直有关单位：", "Plain"),
    ("当前已进入森林草原防火关键期，气温回升快、降水偏少、风力偏大，野外火源管控难度加大。为切实做好今冬明春森林草原防灭火工作，确保人民群众生命财产安全和森林草原资源安全，现将有关事项通知如下。", "Body"),
    ("一要压紧压实责任。各地要严格落实地方行政首长负责制，层层签订防火责任书，把责任落实到山头地块和具体人员。林区单位要明确专人值守，节假日期间实行领导带班制度，确保信息畅通、指挥有力。", "Body"),
    ("二要强化火源管控。在重点时段、重点部位设立检查站，严格检查入山人员和车辆，严禁携带火种进山。加强对农事用火、祭祀用火的管理，引导群众文明祭扫，倡导鲜花祭祀、网络祭祀等新风尚。", "Body"),
    ("BREAK", None),
    ("三要加强宣传教育。充分利用广播、电视、微信公众号和宣传车等多种形式，深入村组、学校和林区开展防火宣传，提高群众的防火意识和自救能力。对违规用火行为要依法查处，形成有力震慑。", "Body"),
    ("四要加强督导检查。县防火指挥部将组织督导组，采取明查暗访、随机抽查等方式，对各地防灭火工作开展情况进行督导检查，对工作不力、措施不实的通报批评，对造成严重后果的依法依规追究责任。", "Body"),
    ("特此通知。", "Body"),
    ("县森林草原防灭火指挥部办公室", "Right"),
    ("2024 年 11 月 18 日", "Right"),
]


def make_no_report_fodt():
    styles = fodt_styles("Serif") + (
        '<style:style style:name="Plain" style:family="paragraph" style:parent-style-name="Body">'
        '<style:paragraph-properties fo:text-indent="0cm"/></style:style>'
        '<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Body">'
        '<style:paragraph-properties fo:text-align="end" fo:margin-right="1cm"/></style:style>'
        '<style:style style:name="Brk" style:family="paragraph" style:parent-style-name="Body">'
        '<style:paragraph-properties fo:break-before="page"/></style:style>')
    body, brk = [], False
    for text, style in NO_REPORT_TEXT:
        if text == "BREAK":
            brk = True
            continue
        if brk:
            style, brk = "Brk", False
        body.append(f'<text:p text:style-name="{style}">{html.escape(text)}</text:p>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'" style:font-family-generic="roman"/>
<style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>{styles}</office:styles>
<office:automatic-styles>{FODT_AUTO}</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="PLP">{FOOTER}</style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


NOT_A_PDF = """这不是 PDF 文件。This file is plain UTF-8 text with a .pdf name.
It stands for a download that went wrong (an error page or a note saved as
.pdf). A reader must refuse it with a clear message, not crash and not try to
parse it as a report.
"""


def write_many_pages(n, out):
    """Write an n-page PDF with the standard Type1 font Helvetica and ASCII
    text only: a quick stand-in for a very long document."""
    objs = []                    # object bodies, numbered from 1

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for i in range(1, n + 1):
        lines = [f"Nianbao long-document fixture: page {i} of {n}",
                 "",
                 "This page holds ordinary ASCII prose and no report tables.",
                 f"Row {i}: {i % 7} {i % 11} {i % 13} {(i * 7) % 17} {(i * 3) % 19}",
                 "The quick brown fox jumps over the lazy dog."]
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for ln in lines:
            esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("ascii")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages, font, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objs[pages - 1] = (b"<< /Type /Pages /Count %d /Kids [" % n
                       + b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    buf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    buf += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, catalog, xref))
    with open(out, "wb") as f:
        f.write(buf)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

BAD_NOTES = {
    "encrypted": "weishi_2024-word.pdf encrypted by qpdf (AES-128, user password "
                 "'nianbao', owner password 'nianbao-owner'): without the password "
                 "the reader must ask for it or fail clearly; with it, it reads "
                 "like weishi_2024-word.pdf",
    "truncated": "fugou_2023-word.pdf cut to 60% of its bytes (no xref, no "
                 "trailer, last pages gone): fail clearly or recover the pages "
                 "that are there, never crash",
    "scan": "xigong_2024-word.pdf rendered to 100-dpi grayscale pages (4 gray "
            "levels, PNG) and wrapped again by img2pdf: no text layer at all (a case for OCR or "
            "for a clear 'scanned, no text' message)",
    "no-report": "a 2-page notice in ordinary Chinese prose, no tables, none of "
                 "the six section headings: not a report",
    "not-a-pdf": "a UTF-8 text file named .pdf",
}


def build_all(args):
    need("libreoffice", "chromium", "qpdf", "fix-qdf", "pdftotext", "pdfinfo",
         "pdftoppm", "img2pdf", "fc-list")
    need_fonts()
    os.makedirs(BAD, exist_ok=True)
    done, texts = {}, {}
    for v in VARIANTS:
        cells, display = make_cells(v, done)
        done[v["name"]] = cells
        title, pre, sections = variant_text(v, cells)
        texts[v["name"]] = (title, pre, sections, display)
        with open(os.path.join(FIXTURES, v["name"] + ".expected.json"), "w",
                  encoding="utf-8") as f:
            f.write(dump_json(expected_json(v, cells, sections)))
    if args.json_only:
        return
    byname = {v["name"]: v for v in VARIANTS}
    renders = [r for r in RENDERS if not args.only or r[0] in args.only]
    tmp = tempfile.mkdtemp(prefix="nianbao-fixtures-")
    try:
        srcdir = args.keep_sources or os.path.join(tmp, "src")
        os.makedirs(srcdir, exist_ok=True)
        rawdir = os.path.join(tmp, "raw")
        os.makedirs(rawdir)
        lo_sources = []
        t0 = time.time()
        for name, style, engine, opts, _ in renders:
            v = byname[name]
            title, pre, sections, display = texts[name]
            base = f"{name}-{style}"
            if engine == "lo":
                src = os.path.join(srcdir, base + ".fodt")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(render_fodt(v, title, pre, sections, display, opts))
                lo_sources.append(src)
            else:
                src = os.path.join(srcdir, base + ".html")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(render_html(v, title, pre, sections, display, opts))
                chromium_to_pdf(src, os.path.join(rawdir, base + ".pdf"), tmp)
        no_report_src = os.path.join(srcdir, "no-report.fodt")
        with open(no_report_src, "w", encoding="utf-8") as f:
            f.write(make_no_report_fodt())
        libreoffice_to_pdf(lo_sources + [no_report_src], rawdir, tmp)
        print(f"converted {len(renders) + 1} documents in {time.time() - t0:.1f} s")

        manifest = []
        for name, style, engine, opts, notes in renders:
            v = byname[name]
            base = f"{name}-{style}"
            out = os.path.join(FIXTURES, base + ".pdf")
            normalise_pdf(os.path.join(rawdir, base + ".pdf"), out, pdf_date(v), tmp,
                          kangxi=opts.get("kangxi", False))
            where = verify(out, v, style, dict(opts, split_forced=engine == "chromium"),
                           texts[name][3])
            check_prose(out, texts[name][2])
            manifest.append({"pdf": base + ".pdf", "expected": name + ".expected.json",
                             "style": style, "notes": f"{notes}. Layout: {where}"})
            print(f"  {base}.pdf: {os.path.getsize(out) // 1024} KB; {where}")
        if not args.only:
            manifest.append(build_compact(tmp))
            manifest += make_bad(rawdir, tmp)
            with open(os.path.join(FIXTURES, "manifest.json"), "w", encoding="utf-8") as f:
                f.write(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    finally:
        shutil.rmtree(tmp)
    total = sum(os.path.getsize(os.path.join(dp, f))
                for dp, _, fs in os.walk(FIXTURES) for f in fs)
    print(f"fixtures: {total // 1024} KB in all")


SCAN_SOURCE = "xigong_2024-word.pdf"


def pgm_to_png(path, bits=2, dpi=100):
    """A grayscale PGM from pdftoppm as a PNG of 2**bits gray levels (a
    100-dpi scan in 4 grays stays near 20 KB a page)."""
    data = open(path, "rb").read()
    magic, w, h, maxval, pix = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    w, h = int(w), int(h)
    levels, per = (1 << bits) - 1, 8 // bits
    table = bytes((v * levels + 127) // 255 for v in range(256))
    raw = bytearray()
    for y in range(h):
        q = pix[y * w:(y + 1) * w].translate(table) + bytes(per)
        raw.append(0)
        for x in range(0, w, per):
            b = 0
            for j in range(per):
                b = (b << bits) | q[x + j]
            raw.append(b)

    def chunk(kind, body):
        return (len(body).to_bytes(4, "big") + kind + body
                + (zlib.crc32(kind + body) & 0xFFFFFFFF).to_bytes(4, "big"))
    ihdr = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([bits, 0, 0, 0, 0])
    ppm = round(dpi / 0.0254).to_bytes(4, "big")      # so img2pdf keeps A4
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"pHYs", ppm + ppm + b"\x01")
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def make_bad(rawdir, tmp):
    out = []
    p = lambda n: os.path.join(BAD, n)
    # AES-128 (R4): its key comes from the password and the id, so that with
    # a static IV the output is reproducible (AES-256 draws a random key)
    run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "nianbao",
         "nianbao-owner", "128", "--use-aes=y", "--", os.path.join(FIXTURES, "weishi_2024-word.pdf"),
         p("encrypted.pdf")])
    data = open(os.path.join(FIXTURES, "fugou_2023-word.pdf"), "rb").read()
    open(p("truncated.pdf"), "wb").write(data[: len(data) * 60 // 100])
    imgs = os.path.join(tmp, "scan")
    os.makedirs(imgs)
    run(["pdftoppm", "-r", "100", "-gray", os.path.join(FIXTURES, SCAN_SOURCE),
         os.path.join(imgs, "p")])
    pages = []
    for f in sorted(os.listdir(imgs)):
        png = os.path.join(imgs, f[:-4] + ".png")
        with open(png, "wb") as f_png:
            f_png.write(pgm_to_png(os.path.join(imgs, f), bits=2))
        pages.append(png)
    run(["img2pdf", "--nodate", "--output", os.path.join(tmp, "scan.pdf")] + pages)
    normalise_pdf(os.path.join(tmp, "scan.pdf"), p("scan.pdf"), "", tmp)
    normalise_pdf(os.path.join(rawdir, "no-report.pdf"), p("no-report.pdf"),
                  "D:20241118100000+08'00'", tmp)
    n = len(page_sizes(p("no-report.pdf")))
    assert n == 2, ("no-report.pdf has", n, "pages")
    with open(p("not-a-pdf.pdf"), "w", encoding="utf-8") as f:
        f.write(NOT_A_PDF)
    for name in ("encrypted", "truncated", "scan", "no-report", "not-a-pdf"):
        out.append({"pdf": f"bad/{name}.pdf", "expected": None, "style": name,
                    "notes": BAD_NOTES[name]})
    return out



# ---------------------------------------------------------------------------
# A compact browser-printed table (issue 8, point 1): S3 in narrow columns
# with right-aligned numbers, so that two numbers in neighbouring columns
# stand closer than a glyph's width and come out of the text layer as one
# run of digits.  Only the column ranges of the header can split them.
# Values: the text fixture generator's distinct, consistent cells.
# ---------------------------------------------------------------------------

COMPACT = "compact_2024"


def text_generator():
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "make-fixtures.py")
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def compact_html(gen, cells):
    e = html.escape
    agency = "青山市数据局"
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>',
           '@page { size: A4; margin: 14mm; }',
           'body { font-family: "Noto Sans CJK SC"; font-size: 10pt; }',
           'table { border-collapse: collapse; margin: 4pt 0; }',
           'td, th { border: 0.5pt solid #000; font-weight: normal; }',
           'table.wide td, table.wide th { padding: 2pt 8pt; }',
           'table.s3 td, table.s3 th { padding: 0; font-size: 7pt; }',
           'table.s3 td.n { text-align: right; font-size: 8pt; }',
           'table.s3 th.c { font-size: 6pt; }',
           '</style></head><body>',
           f'<h1 style="font-size:14pt">{agency}2024年政府信息公开工作年度报告</h1>',
           '<p>一、总体情况</p><p>本年度，本局坚持以公开为常态、不公开为例外，全面推进政务公开工作。</p>',
           '<p>二、主动公开政府信息情况</p>']
    v = lambda cid: e(gen.plain(cells[cid]))
    rows = [("第二十条第（一）项", None), ("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),
            ("规章", [v("s2.rules." + c) for c in ("new", "abolished", "in_force")]),
            ("行政规范性文件", [v("s2.normative." + c) for c in ("new", "abolished", "in_force")]),
            ("第二十条第（五）项", None), ("信息内容", ["本年处理决定数量"]),
            ("行政许可", [v("s2.licensing.decisions")]),
            ("第二十条第（六）项", None), ("信息内容", ["本年处理决定数量"]),
            ("行政处罚", [v("s2.penalty.decisions")]), ("行政强制", [v("s2.coercion.decisions")]),
            ("第二十条第（八）项", None), ("信息内容", ["本年收费金额（单位：万元）"]),
            ("行政事业性收费", [v("s2.fees.amount")])]
    out.append('<table class="wide">')
    for label, vals in rows:
        if vals is None:
            out.append(f'<tr><td colspan="4">{label}</td></tr>')
        else:
            out.append("<tr><td>" + label + "</td>" + "".join(f"<td>{x}</td>" for x in vals)
                       + "".join("<td></td>" for _ in range(3 - len(vals))) + "</tr>")
    out.append("</table><p>三、收到和处理政府信息公开申请情况</p>")

    # Each number column as wide as its widest number: right-aligned, the
    # numbers of neighbouring columns touch.
    digits = {c: max(len(gen.plain(cells["s3.%s.%s" % (r, c)])) for r in gen.S3_ROWS)
              for c in gen.S3_COLS}
    out.append('<table class="s3"><colgroup><col style="width:62pt"><col style="width:250pt">')
    for c in gen.S3_COLS:
        out.append(f'<col style="width:{digits[c] * 4.44:.2f}pt">')
    out.append('</colgroup>')
    out.append('<tr><th colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>'
               '<th colspan="7">申请人情况</th></tr>')
    out.append('<tr><th class="c" rowspan="2">自然人</th><th class="c" colspan="5">法人或其他组织</th>'
               '<th class="c" rowspan="2">总计</th></tr>')
    out.append("<tr>" + "".join(f'<th class="c">{t}</th>' for t in gen.S3_TITLES[1:6]) + "</tr>")
    for row, group, label in gen.S3_LABELS_2021:
        out.append(f"<tr><td>{e(group)}</td><td>{e(label)}</td>"
                   + "".join(f'<td class="n">{v("s3.%s.%s" % (row, c))}</td>' for c in gen.S3_COLS)
                   + "</tr>")
    out.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p>")
    out.append('<table class="wide"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>'
               '<tr>' + "".join(f'<th rowspan="2">{t}</th>' for t in gen.S4_TITLES)
               + '<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>'
               '<tr>' + "".join(f"<th>{t}</th>" for t in gen.S4_TITLES * 2) + "</tr>"
               '<tr>' + "".join(f"<td>{v(i)}</td>" for i in gen.S4_IDS) + "</tr></table>")
    out.append("<p>五、存在的主要问题及改进情况</p><p>一是公开内容还不够丰富；二是解读形式较为单一。</p>"
               "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>")
    return agency, "\n".join(out)


def build_compact(tmp):
    """compact_2024-browser.pdf and its expected JSON; the manifest entry."""
    gen = text_generator()
    import random
    cells = gen.distinct_cells(random.Random("nianbao-pdf-compact"))
    agency, page = compact_html(gen, cells)
    src = os.path.join(tmp, COMPACT + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(page)
    raw = os.path.join(tmp, COMPACT + "-raw.pdf")
    chromium_to_pdf(src, raw, tmp)
    out = os.path.join(FIXTURES, COMPACT + "-browser.pdf")
    normalise_pdf(raw, out, "D:20250120093000+08'00'", tmp)
    obj = {"agency": agency, "year": 2024,
           "title": agency + "2024年政府信息公开工作年度报告",
           "template": {"s2": "2021", "s3": "2021", "s4": "2021"}, "cells": cells}
    with open(os.path.join(FIXTURES, COMPACT + ".expected.json"), "w", encoding="utf-8") as f:
        f.write(dump_json(obj))
    # The point of the fixture: numbers of neighbouring columns run together.
    text = pdftotext_pages(out)
    fused = sum(1 for row in gen.S3_ROWS for a, b in zip(gen.S3_COLS, gen.S3_COLS[1:])
                if any(gen.plain(cells["s3.%s.%s" % (row, a)]) + gen.plain(cells["s3.%s.%s" % (row, b)])
                       in p.replace(" ", "") for p in text))
    if fused < 10:
        raise SystemExit(f"{out}: only {fused} pairs of numbers touch; the table is not compact")
    return {"pdf": COMPACT + "-browser.pdf", "expected": COMPACT + ".expected.json",
            "style": "compact",
            "notes": "Chromium, Noto Sans CJK SC; S3 in columns as narrow as their widest "
                     f"number, right-aligned: {fused} pairs of numbers in neighbouring columns "
                     "touch and come out of the text layer as one run of digits; titles at 6pt "
                     "wrap (自然/人, 商业/企业). Values from tests/make-fixtures.py's generator"}


def update_compact():
    need("chromium", "qpdf", "fix-qdf", "pdftotext")
    tmp = tempfile.mkdtemp(prefix="nianbao-compact-")
    try:
        entry = build_compact(tmp)
    finally:
        shutil.rmtree(tmp)
    path = os.path.join(FIXTURES, "manifest.json")
    with open(path, encoding="utf-8") as f:
        manifest = [m for m in json.load(f) if m.get("pdf") != entry["pdf"]]
    bad = [k for k, m in enumerate(manifest) if m["pdf"].startswith("bad/")]
    manifest.insert(bad[0] if bad else len(manifest), entry)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    print(f"{entry['pdf']}: {entry['notes']}")

def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--many-pages", nargs=2, metavar=("N", "OUT"),
                    help="write an N-page ASCII text PDF to OUT and stop")
    ap.add_argument("--only", action="append",
                    help="render only this variant (repeatable); no manifest, no bad/")
    ap.add_argument("--json-only", action="store_true",
                    help="write the expected JSON files only")
    ap.add_argument("--compact", action="store_true",
                    help="make the compact browser-printed fixture only (needs chromium, qpdf)")
    ap.add_argument("--keep-sources", metavar="DIR",
                    help="keep the generated .fodt/.html files in DIR")
    args = ap.parse_args()
    if args.many_pages:
        n, out = int(args.many_pages[0]), args.many_pages[1]
        t0 = time.time()
        write_many_pages(n, out)
        print(f"{out}: {n} pages, {os.path.getsize(out)} bytes, "
              f"{time.time() - t0:.3f} s")
        return
    if args.compact:
        update_compact()
        return
    build_all(args)


if __name__ == "__main__":
    main()
