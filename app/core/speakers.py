"""Speaker, role and organisation from the lines that name them.

Speeches name their speaker as `国务院总理　李强`, `海拉尔区人民政府区长　　张天喜`, `习近平` on a line of
its own, or inside the title: `市委书记XXX在…上的讲话`, `习近平：在…上的讲话`, `四川省政协主席田向利：…`.
A bare two-to-four-character line is only taken for a name when it starts with a common surname, so
that `北京` or `目录` are not mistaken for people. Redacted names (`XXX`, `**`, `某某`) give an empty
name but keep the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The most common Chinese surnames (single-character), enough to tell `李龙` from `北京`.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝习粟萨彭"
)
_NOT_NAMES = frozenset(
    {
        "同志",
        "同志们",
        "大家",
        "全文",
        "目录",
        "正文",
        "附件",
        "讲话",
        "发言",
        "报告",
        "成员",
        "主持",
        "作者",
        "记者",
        "通讯员",
        "编辑",
        "来源",
        "时间",
        "地点",
        "黄金",
        "文章",
        "石油",
        "金融",
    }
)

_ROLE = (
    r"(?:国务院(?:副)?总理|国家(?:副)?主席|中共中央总书记|总书记|中央军委(?:副)?主席|(?:全国人大常委会)?委员长"
    r"|(?:[省市县区州旗镇乡]委|党委|党组|党工委|党总支|党支部|纪委|工委)(?:常务)?(?:副)?书记|(?:副)?书记"
    r"|代?(?:副)?(?:省|市|区|县|州|镇|乡|旗)长|(?:副)?总理|(?:副)?主席|(?:副)?部长|(?:副)?厅长|(?:副)?局长"
    r"|(?:副)?院长|(?:副)?校长|(?:副)?主任|秘书长|董事长|总经理|(?:副)?处长|(?:副)?科长|(?:副)?会长|理事长)"
)
_REDACTED = r"(?:[*＊×xX]{2,}|某某|□{2,})"
_NAME = rf"(?:[\u4e00-\u9fff·]{{2,4}}?|{_REDACTED})"
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "令狐",
    "夏侯",
    "公孙",
    "慕容",
    "尉迟",
    "长孙",
    "宇文",
    "司徒",
    "端木",
    "西门",
    "南宫",
)
_GAP = r"[\s\u3000]*"
#: Several posts held at once: `区委副书记、区长`, `中共中央总书记、国家主席、中央军委主席`.
_ROLES = rf"(?:[^\s，。：:、]{{0,12}}?{_ROLE}、)*{_ROLE}"
_ROLE_NAME_RE = re.compile(
    rf"^(?P<org>[^\s，。：:]{{0,20}}?)(?P<role>{_ROLES}){_GAP}(?P<name>{_NAME})?(?:同志)?$"
)
_NAME_ROLE_RE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<role>{_ROLE})$")
_BARE_NAME_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)(?:同志)?$")
_LEADING_SPEAKER_RE = re.compile(
    rf"^(?:(?P<org>[^\s，。：:（）()]{{0,20}}?)(?P<role>{_ROLES}))?{_GAP}(?P<name>[\u4e00-\u9fff]{{2,3}}?)"
    r"(?=同志们|女士们|各位|尊敬|朋友们|同胞们|大家|党的|今天|今年|我|[一二三四五六七八九十]|\d|[\s\u3000]|$)"
)
_SPACED_NAME_RE = re.compile(r"(^|[\s\u3000])([\u4e00-\u9fff])[\s\u3000]+([\u4e00-\u9fff])$")
_PREFIX_RE = re.compile(r"^(?P<prefix>[^在：:\s]{2,30}?)(?:[：:]|在|出席|主持|会见|将)")


@dataclass(frozen=True, slots=True)
class SpeakerGuess:
    name: str = ""
    role: str = ""
    organisation: str = ""


def is_name(candidate: str) -> bool:
    """Two or three characters starting with a common surname (four with a compound surname)."""
    if "·" in candidate:  # transliterated names: 阿依克木古丽·布力布力
        return 3 <= len(candidate) <= 20
    return (
        (2 <= len(candidate) <= 3 or (len(candidate) == 4 and candidate.startswith(_COMPOUND_SURNAMES)))
        and candidate[0] in _SURNAMES
        and candidate not in _NOT_NAMES
        and not candidate.endswith(("的", "在", "和", "与"))
    )


def _name_or_redaction(candidate: str | None) -> str | None:
    """The name, '' for a redaction marker, None when it is not a name at all."""
    if not candidate:
        return ""
    if re.fullmatch(_REDACTED, candidate):
        return ""
    return candidate if is_name(candidate) else None


def _guess(name: str, role: str, organisation: str) -> SpeakerGuess:
    """A one-character organisation (`校`党委书记, `省`长) belongs to the role."""
    if len(organisation) == 1:
        return SpeakerGuess(name, organisation + role, "")
    return SpeakerGuess(name, role, organisation)


def _parse(text: str, *, bare_names: bool) -> SpeakerGuess | None:
    text = text.strip()
    text = _SPACED_NAME_RE.sub(r"\1\2\3", text)  # 国务院总理　李　强
    match = _NAME_ROLE_RE.match(text)
    if match and is_name(match["name"]):
        return SpeakerGuess(match["name"], match["role"])
    match = _ROLE_NAME_RE.match(text)
    if match and not is_name(match["org"]):
        name = _name_or_redaction(match["name"])
        if name is not None:
            return _guess(name, match["role"], match["org"])
    match = _BARE_NAME_RE.match(text)
    if bare_names and match and is_name(match["name"]):
        return SpeakerGuess(match["name"])
    return None


def speaker_from_line(line: str) -> SpeakerGuess | None:
    """The speaker when `line` is nothing but a speaker line (`国务院总理　李强`, `习近平`, `市委书记`)."""
    if len(line) > 40:
        return None
    return _parse(line, bare_names=True)


def speaker_from_prefix(title: str) -> SpeakerGuess:
    """The speaker named before `在…`, `：` or `出席` in a title (`习近平：在…上的讲话`)."""
    match = _PREFIX_RE.match(title.strip())
    if not match:
        return SpeakerGuess()
    return _parse(match["prefix"], bare_names=True) or SpeakerGuess()


def speaker_at(text: str) -> SpeakerGuess | None:
    """The speaker whose line a run-on text starts with: `中华人民共和国主席　习近平女士们，…`."""
    match = _LEADING_SPEAKER_RE.match(text.lstrip())
    if not match or not is_name(match["name"]):
        return None
    if match["role"] and is_name(match["org"] or ""):
        return None
    return _guess(match["name"], match["role"] or "", match["org"] or "")
