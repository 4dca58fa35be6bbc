"""Every number the extraction rules use, named, in one place: how often the dictionary must meet a word
for a rule to read it one way or the other, and how long a name or the stretch of text a rule looks at may be."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Thresholds", "THRESHOLDS"]


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, named."""

    # ------------------------------------------------------------ dictionary frequencies: any word
    # frequency from which a dictionary entry is a word of the sentence (全局 of 总揽全局)
    dictionary_word: int = 3
    common_word: int = 50          # dictionary frequency from which a word is an everyday word
    very_common_word: int = 2000   # ... an everyday word even after a function-word surname (和部分)
    # ... after a title and a function-word surname (队长于建军, not 书记和村民)
    word_after_a_title: int = 500

    # ------------------------------------------------------------ dictionary frequencies: people
    # frequency from which what a surname and a given name spell is a word, not a name (方向, 马上)
    word_for_a_name: int = 5
    rarely_met_name: int = 20      # frequency under which a word the dictionary files as a name is a person's (王宏志)
    # frequency from which a word that starts at a given name's second character is the next word, not the
    # name's end (调研 of 王强调研)
    word_after_a_given_name: int = 20
    # frequency from which a word the dictionary files as a person's name is a known name; the dictionary files
    # many people by their full name, most of them rarely named (张吉龙: 6)
    well_known_name: int = 50
    # frequency under which a word the dictionary files as a place, or any word of three characters, may be a
    # person's name in a byline (江建国/ns, 许立群/m)
    rare_word_in_a_byline: int = 50
    # frequency from which a verb, adverb, preposition or conjunction that opens at a surname and ends inside
    # the name splits it (查看 of 查看新)
    action_word: int = 100
    # How common a verb must be whose first character the tagger glued to the end of a name (王吉出/nr 生于:
    # 出生) for the name to end before it.
    verb_glued_to_a_name: int = 1000
    # frequency from which what follows a surname is a word, not a given name (阵雨 of 雷阵雨)
    word_for_a_given_name: int = 100
    # How often the first two characters of a three-character word must occur as a word of their own for the
    # word to read as that word and one more (黄金周), not as a surname and a given name.
    common_head: int = 500
    # How common a word of two ending in a function character (来到, 回到, 所在) must be to be read as the word
    # after a given name of one character rather than as that name's end and a preposition.
    common_verb_of_two: int = 2000
    # A word met this often in the dictionary as no name does not open one (代表, 方向), though its
    # first character is a surname.
    everyday_opening: int = 5000

    # ------------------------------------------------------------ dictionary frequencies: bodies
    # How common the word after a level character must be for the level to stand apart from the word the
    # tagger glued it into (城管 of 县城管执法大队; not 场主 of 市场主体).
    word_after_a_level: int = 20
    # frequency from which a firm's first two characters are an everyday word, not its own name (超邦 is none)
    firm_name_word: int = 100
    # How common a word a one-character suffix begins with the next character must be to be that word.
    split_word: int = 300
    # How often a word ending in 局 or 报 must be met to be an everyday word (格局; 汇报, 通报: a kind of
    # report), not a bureau, a body or a paper.
    everyday_word_of_a_weak_suffix: int = 500
    addressee_reach: int = 10   # characters after 对/向 in which a verb of saying shows a name spoke (对记者说)
    # How rare an adjective must be to be read as a firm's brand word rather than a description (优秀).
    brand_adjective: int = 500
    everyday_bare_body: int = 10000  # frequency from which a level and a suffix are one everyday word (市场)

    # ------------------------------------------------------------ dictionary frequencies: a name's left boundary
    # Dictionary frequency under which an adverb may be a place's stem after its township.
    rare_adverb: int = 200
    # The same for a verb, which more often opens a clause after a township (结对 49 is a clause's verb, 下营 22 a
    # village's stem).
    rare_verb: int = 30
    # frequency under which a time word, or an adjective before a body's kind, is a name's part (中天, 丰润)
    rare_time_or_adjective: int = 500
    # How common a word after an adverb must be to be read as the predicate rather than a name's first word.
    common_predicate: int = 1000

    # ------------------------------------------------------------ dictionary frequencies: places
    # How common the word before 村 must be to read as a kind of village (贫困, 示范), not a place's name.
    kind_of_village: int = 50
    # frequency from which the character before a division's name and its first make a word (文明 of 文明村镇)
    word_before_a_division: int = 100
    # How often the dictionary must meet a county's short form as a place's name for it to stand alone (宜兴 413,
    # 瑞金 134 is not enough): rarer short forms are more often words of other names than the county.
    well_known_place: int = 200
    # How common the word after a place's suffix must be, and how many times more often than the suffix and
    # it together, for the tagger to have glued the suffix to it (村农民 6, 农民 11866; 村干部 184, 干部 9717).
    word_after_a_glued_suffix: int = 100
    head_over_glued_word: int = 10
    verb_in_stem: int = 200        # frequency of a verb inside a place's stem that makes it a metaphor
    verb_object: int = 1000        # frequency of a one-character verb that takes a place as object (走村)
    # How common a time word must be to tell a clause (今年 is, 中秋 of 中秋村 is not).
    common_time_word: int = 2000
    # How common a verbal noun (发展, 建设) must be for a stem holding it and more to be a phrase.
    common_verbal_noun: int = 1000
    # How many times more often than a three-character word filed as a name its first two characters must be
    # met, as an everyday word, for the word to name a thing (马头 462, 马头琴 23; but 方志 67, 方志敏 44)
    head_over_name: int = 2

    # ------------------------------------------------------------ dictionary frequencies: programs
    # How common a verb opening with 制 must be to be read as that verb after a chief's title.
    verb_of_making: int = 100

    # ------------------------------------------------------------ lengths, in characters
    # The longest stem of a township the official list lacks and only its suffix names (新立乡, 马集镇)
    max_unlisted_township_stem: int = 4
    # The shortest unlisted run before 村集体 read as a clause, not a village's name (多渠道拓宽村集体; but
    # 西沟门子村集体: villages' stems run to four characters)
    min_clause_before_collective: int = 5
    min_name: int = 2              # characters of the shortest name
    max_body: int = 24             # characters of the longest body's name
    verse_line: int = 6            # characters from which a quoted clause is a line of verse, not a slogan's part
    max_outlet: int = 12           # characters of the longest outlet's name (人民网-河北频道)
    max_post: int = 24             # characters of the longest post's label (省政府副省长)
    # How far after a name its clause's verb of taking up a post is looked for.
    clause_reach: int = 30
    # The longest name before its suffix of a body named whole in quotes (“一贵法官工作室”).
    max_quoted_body: int = 10
    # How far a list of posts closed by 等职 may run on after one of its items (担任过…,…等职).
    post_list_reach: int = 40
    # How far after another state's name its divisions are looked for: a province, a county and their names.
    foreign_chain: int = 20
    # How long a run of transliterating characters by a title may be, dots left out, to be read as a foreign name.
    min_foreign_name: int = 3
    max_foreign_name: int = 12
    # The longest name written by sound before a minority region's unit (乌兰宝力格艾里).
    max_sound_name: int = 6
    max_program: int = 24          # characters of the longest program's name
    cue_window: int = 8            # characters within which the cue noun after a quoted name is looked for
    # characters after a quoted name over which other quoted items, pauses and 等 are passed before the cue's
    # window opens, beside the window's own
    cue_lead: int = 4
    # The longest head noun a listed quoted item may carry after its quote (“红烛”志愿宣讲、).
    max_listed_head: int = 4
    # The shortest end of a body's name a post may name it by (文化馆 of 修水县文化馆).
    min_bare_body: int = 3
    # ... of a branch's, a unit's or a firm's name, which a post names by its two-character end (分局 of 分局局长)
    min_bare_unit: int = 2


THRESHOLDS = Thresholds()
