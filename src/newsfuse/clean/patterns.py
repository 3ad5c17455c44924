"""Site chrome as named data. Each pattern matches a whole (stripped) line; its name becomes the reason
recorded for the removed span (``boilerplate:<name>``). Logic that uses them lives in ``boilerplate.py``.

Structure-based rules catch chrome that no pattern names; these patterns make the common cases certain
and give them readable reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LinePattern:
    name: str
    regex: re.Pattern[str]
    ends_article: bool = False  # what follows it is usually more chrome (related lists, comment forms)
    max_words: int = 40  # longer lines are reporting that happens to contain the phrase
    # Lower-case substrings of which every match holds at least one: a line with none of them is passed
    # over without running the regex (the patterns that look anywhere in a line are the slow ones).
    cues: tuple[str, ...] = ()


def _p(
    name: str, pattern: str, ends_article: bool = False, max_words: int = 40, cues: tuple[str, ...] = ()
) -> LinePattern:
    return LinePattern(name, re.compile(pattern, re.IGNORECASE), ends_article, max_words, cues)


_DASHES = r"[\s\-–—•*|·_=]*"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_CLOCK = r"(?:\s*(?:[,|·•–/-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
# A site's own clock or a date line's lead-in ("Today: Monday 8 November 2032").
_TODAY = r"(?:(?:today|today's date|date)\s*[:,-]?\s*)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
SHARE_WORDS = (
    r"share|shares|share this|share this (?:article|story|page)|share on|tweet|facebook|twitter|x|linkedin|"
    r"whatsapp|reddit|pinterest|telegram|email|e-mail|print|copy link|copy url|copy the link|messenger|"
    r"flipboard|pocket|sms|comment|comments|save|bookmark|gift (?:this )?article|like this"
)

LINE_PATTERNS: tuple[LinePattern, ...] = (
    _p(
        "advertisement",
        rf"^{_DASHES}\[?(?:advertisements?|ad|ads|sponsored(?: content)?|paid content|promoted"
        rf"(?: content)?|story continues below(?: (?:this )?advertisement)?|continue reading (?:below|the main story)"
        rf"|scroll to continue(?: with content)?|advertisement[\s\-–—]+(?:scroll|continue reading)"
        rf"(?: to continue| below)?)\]?{_DASHES}$",
    ),
    _p(
        "advertisement",
        r"^(?:advertisement|sponsored|paid (?:content|post)|ad)\s*[-–—:|·•]\s+.{1,100}$",
        max_words=16,
    ),
    # A promotion inside the page: a betting offer's small print, a free download in exchange for an email.
    _p(
        "advertisement",
        r"^.*\b(?:t&cs apply|new customers only|gamble responsibly|begambleaware)\b.*$"
        r"|^.{0,120}\b(?:download|get) (?:the|our|your) free (?:guide|e-?book|report|white ?paper|checklist)\b.*$",
        max_words=40,
        cues=("t&cs", "new customers", "gamble", "free "),
    ),
    _p(
        "source-link",
        r"^(?:source link|original source|source article|view (?:the )?original(?: article)?"
        r"|this article (?:was )?originally (?:appeared|published) (?:on|in|at) .*)\s*\.?$",
        ends_article=True,
    ),
    _p(
        "related",
        r"^(?:related(?: articles?| stories| posts| coverage| content| news| reading| links)?"
        r"|more (?:from|on|in) [\w .&'-]{1,40}|more [a-z][\w&'’-]*(?: [a-z][\w&'’-]*)?|you may also like"
        r"|you might also like"
        r"|you may be interested in|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)"
        r"|trending(?: now| stories)?|popular(?: now| stories)?|read next|up next|what to read next"
        r"|don'?t miss|see also|check also|also read|read also|in other news|further reading|top stories"
        r"|latest (?:news|stories)|editor'?s picks)\s*:?$",
        ends_article=True,
    ),
    _p(
        "read-more",
        r"^(?:read more|read also|also read|related|more|see also|watch|listen|must read)"
        r"\s*(?::|\||»|>|-|–)\s*\S.*$",
        max_words=20,
    ),
    _p(
        "comment-form",
        r"^(?:leave a (?:comment|reply)|post a comment|add (?:a )?comment|\d+ comments?"
        r"|comments?(?: \(\d+\))?|join the (?:conversation|discussion)|show comments|view comments"
        r"|comments are (?:now )?closed\b.*|your email address will not be published\.?.*|required fields are marked.*"
        r"|this (?:live )?blog (?:is now closed|has (?:now )?ended)\b.*"
        r"|comments (?:on this .{1,30})?(?:have been|are|were) (?:switched|turned) off\b.*"
        r"|save my name, email,? and website.*|cancel reply|post comment|submit comment|you must be logged in"
        r" to post a comment\.?|be the first to comment.*|log in to comment|sign in to comment"
        r"|write a (?:comment|reply)\W*)$",
        ends_article=True,
    ),
    _p("author-box", r"^about (?:the )?(?:author|admin|[a-z]+(?: [a-z]+)?)$", ends_article=True),
    # A reporter's biography: "Margo Pellister covers extreme weather … for United Newswire …", "Kasimir
    # Oyelaran is a senior reporter at Circuitline covering payments…".
    _p(
        "author-box",
        r"^(?:[A-Z][\w'’-]+ ){1,3}(?:covers .{3,120}\bfor (?:the )?[A-Z]|is an? (?:[\w-]+ ){0,3}(?:reporter|"
        r"correspondent|writer|editor|journalist|columnist) (?:at|for|with) .{1,60}\bcovering\b).*$",
        max_words=60,
    ),
    _p("sign-off", r"^thanks for reading\b.*$", ends_article=True, max_words=30),
    _p(
        "author-box",
        r"^.{0,80}\bis (?:an?|the|[A-Z][\w ]{1,40}['’]s) (?:[\w-]+ ){0,4}(?:reporter|correspondent|writer|"
        r"editor|journalist|columnist|contributor|critic|photographer|producer)\b.*(?:\b(?:follow (?:him|her|them)"
        r"|on (?:twitter|x|instagram)|email (?:him|her|them))\b|@\w+)"
        r".*$",
    ),
    _p(
        "author-box",
        r"^.{0,60}\b(?:covers|writes about|reports on|is based in)\b.{0,160}\b(?:follow (?:him|her|them)|"
        r"@\w+|email (?:him|her|them)|contact (?:him|her|them))\b.*$",
    ),
    _p("follow-us", r"^(?:follow (?:us|me|him|her|them) (?:on|at) .*|like us on facebook.*|follow @\w+.*)$"),
    _p(
        "follow-us",
        r"^follow .{1,60}\bon (?:twitter|facebook|instagram|x|threads|bluesky)\b.*$",
        max_words=20,
    ),
    _p(
        "share-widget",
        rf"^(?:(?:{SHARE_WORDS}|bluesky|threads|mastodon|email a friend)[\s|,·/:•]*){{1,8}}"
        r"(?:\s*\(opens in (?:a )?new (?:window|tab)\))?$",
    ),
    # Addressed to the reader: an imperative ("Sign up for…", "Get the Ledger's briefing…") or "our …";
    # "Residents can subscribe to the county's flood alerts" is news.
    _p(
        "newsletter",
        r"^(?:(?:click|tap) (?:here )?to |[\w'’ ]{0,40}[.!?]\s+)?(?:sign up|subscribe|register|get)\b.{0,60}"
        r"\b(?:newsletter|briefing|digest|alerts|updates|inbox|channel|podcast|emails?)\b.*$"
        r"|^.{0,60}\b(?:sign up|subscribe|register)\b.{0,40}\bour\b.{0,40}\b(?:newsletter|briefing|digest"
        r"|alerts|updates|channel|podcast)\b.*$",
        max_words=30,
    ),
    _p(
        "newsletter",
        r"^(?:newsletter|get the latest news.*|(?:enter|type) your email.*|thanks for signing up.*"
        r"|(?:your )?email(?: address)?\W*\[?\s*(?:sign up|subscribe|submit|go)\s*\]?"
        r"|no spam\W+unsubscribe (?:at )?any ?time\.?|unsubscribe (?:at )?any ?time\.?"
        r"|never miss (?:a|an|another) [\w-]+\W.{0,80})$",
    ),
    _p(
        "newsletter",
        r"^.{0,60}\b(?:newsletter|briefing|digest)\b.{0,40}\b(?:brings you|delivers|sends you|lands in your inbox"
        r"|straight to your inbox)\b.*$"
        r"|^(?:download|get|install) (?:the|our) .{1,40}\bapp\b.*$",
        max_words=40,
    ),
    # A widget's label over a promotion: a deal, a poll, betting odds, a video player, a ticker.
    _p(
        "advertisement",
        r"^(?:(?-i:DEALS?|POLL|QUIZ|ODDS(?: BY [A-Z0-9&' ]{1,30})?|BREAKING)|now playing)\s*:\s.*$",
        max_words=40,
    ),
    _p(
        "comment-form",
        r"^\d+ (?:thoughts?|responses?|replies|comments?) (?:on|to) .{1,200}$",
        ends_article=True,
    ),
    _p(
        "newsletter",
        r"^(?:listen to|subscribe to|follow) (?:our|the) .{1,60}\bon (?:spotify|apple (?:music|podcasts)|youtube"
        r"|soundcloud|deezer|google podcasts)\b.{0,40}$",
        max_words=20,
    ),
    _p(
        "affiliate",
        r"^.*\b(?:(?:we|this site) (?:may )?(?:earn|receive|get) (?:an? )?(?:small |affiliate )?"
        r"(?:commission|compensation|a share of (?:sales|revenue))"
        r"|(?:commission|a share of (?:sales|revenue))\b.{0,40}\b(?:when you buy|"
        r"through (?:our |the |these )?links|purchases? made through)|contains? affiliate links?|"
        r"as an amazon associate|(?:chosen|selected) independently by our editors)\b.*$"
        r"|^(?:affiliate |advertiser )?disclosure(?: statement)?:.*$",
        max_words=40,
        cues=(
            "commission",
            "compensation",
            "a share of",
            "affiliate",
            "amazon associate",
            "independently",
            "disclosure",
        ),
    ),
    _p(
        "policy-link",
        r"^(?:our standards|editorial (?:standards|guidelines|policy)|corrections? policy|ethics policy"
        r"|terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|contact us|about us"
        r"|accessibility statement)\b.{0,80}$",
        max_words=16,
    ),
    _p(
        "paywall",
        r"^.*\b(?:subscribe (?:now )?to (?:continue|keep) reading|already a subscriber|"
        r"subscribers? only|log in to continue|sign in to continue|create (?:a )?free account|"
        r"you have (?:\d+|one) free articles?|this (?:article|content) is (?:only )?(?:available|for) "
        r"(?:to )?(?:subscribers|members)|become an? .{1,30} (?:member|subscriber)|for unlimited access|"
        r"support (?:our|independent|local|quality) (?:science )?journalism|subscribe today|you must be an? "
        r"(?:subscriber|member)|please consider (?:a |making a )?(?:donation|donating|contribution|supporting)"
        r"|donate (?:now|today)|depends on (?:readers|reader support)|is an? (?:independent )?nonprofit newsroom"
        r"|if (?:reporting|journalism|stories) like this matters?|register to (?:unlock|read|continue)"
        r"|this article is free to read|free to read because|readers? (?:choose|chose) to support"
        r"|(?:this|the) (?:story|post) is (?:only )?(?:available|open) (?:exclusively )?to .{1,40}\bsubscribers"
        r"|upgrade (?:now )?(?:for|to get) (?:full|unlimited) access|funded by (?:its|our) readers"
        r"|join [\d,.]+k? (?:others|other (?:readers|subscribers))"
        r"|if you value (?:(?:local|independent) )?(?:news|reporting|journalism|our (?:work|reporting)))\b.*$",
        max_words=30,
        cues=(
            "subscri",
            "log in",
            "sign in",
            "free a",
            "member",
            "unlimited access",
            "journalism",
            "please consider",
            "donate",
            "depends on",
            "nonprofit",
            "like this matter",
            "register to",
            "free to read",
            "choose to support",
            "chose to support",
            "you value",
            "story is",
            "post is",
            "upgrade",
            "funded by",
            "join ",
        ),
    ),
    _p(
        "cookie-notice",
        r"^.*\b(?:(?:we|partners|(?-i:[A-Z]\w+)) uses? (?:\w+ ){0,2}cookies|this (?:web)?site uses cookies"
        r"|accept (?:all )?cookies|agree to (?:our |the use of )?cookies|cookie (?:policy|settings|preferences|consent)"
        r"|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website|service|app)"
        r"|keep browsing to accept|manage (?:your )?(?:privacy|consent)|(?:we and )?our \d+ (?:partners|vendors)"
        r"|store and(?:/or)? access information on (?:a|your) device)\b.*$",
        max_words=60,
        cues=(
            "cookie",
            "continuing to",
            "using th",
            "using our",
            "keep browsing",
            "manage",
            "partners",
            "vendors",
            "information on",
        ),
    ),
    _p(
        "photo-credit",
        r"^(?:photos?|image|images|picture|credit|photograph|illustration|video|file photo)"
        r"(?: credit)?\s*[:/]\s*.{0,80}$",
    ),
    _p(
        "photo-credit",
        r"^(?:image copyright|image caption|getty images|ap photo|afp|reuters|epa|shutterstock"
        r"|hide caption|toggle caption|enlarge this image|caption)\b.{0,80}$",
        max_words=14,
    ),
    _p(
        "photo-credit",
        r"^(?=.*\b(?:images?|photos?|photography|getty|ap|afp|reuters|epa|agency|pictures|press|"
        r"pool|handout|shutterstock|alamy)\b)[^.!?|]{1,60}(?:\s\|\s[^.!?|]{1,60}){1,5}$",
        max_words=14,
    ),
    _p("menu", r"^[^.!?|]{1,40}(?:\s\|\s[^.!?|]{1,40}){2,}$", max_words=24),
    _p("menu", r"^[^.!?|]{1,25}(?:\s\|\s[^.!?|]{1,25})+$", max_words=8),
    _p("menu", r"^\w[\w'’&-]*(?: [\w'’&-]+){0,2}(?: {2,}\w[\w'’&-]*(?: [\w'’&-]+){0,2}){2,}$", max_words=12),
    _p("gallery", r"^(?:(?:image|photo|slide|picture) )?\d{1,3}\s*(?:/|of)\s*\d{1,3}$"),
    _p("gallery", r"^\[\d{1,3}\s*/\s*\d{1,3}\]\s.{0,300}$"),  # "[1/6] Residents search the rubble…"
    # A ticker of other stories: "Breaking:  Lane closures extended  ///  Rovers sign keeper on loan".
    _p("menu", r"^[^/]{1,100}(?:\s/{2,3}\s[^/]{1,100}){1,}$", max_words=40),
    # A site's slogan: "Your city. Your news. 24 hours a day."
    _p("tagline", r"^(?:your [\w'’-]+[.!,]\s*){2,}.{0,40}$", max_words=12),
    # Links in a footer, set apart by middle dots: "Terms of Use  ·  Privacy Policy  ·  Careers".
    _p("menu", r"^[^.!?·•|©]{1,45}(?:\s+[·•]\s+[^.!?·•|©]{1,45}){2,}$", max_words=30),
    _p(
        "timestamp",
        r"^(?:(?:published|updated|posted|last updated|first published|first posted|modified)\b(?: on| at)?[:\s]"
        r"|date:\s).{0,60}$",
    ),
    _p("timestamp", r"^\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\s+(?:read|ago)$"),
    _p("timestamp", r"^all times (?:are )?(?:local|in [\w ]{1,30}|[A-Z]{2,4})\b.{0,30}$", max_words=12),
    _p(
        "timestamp",
        rf"^(?:{_WEEKDAY}\s*,?\s*)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}{_CLOCK}\s*[|·•,-]?\s*(?:updated|modified)\b.{{0,40}}$",
        max_words=14,
    ),
    _p(
        "date-line",
        rf"^{_TODAY}(?:{_WEEKDAY}\s*,?\s*)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}{_CLOCK}$",
    ),
    _p(
        "date-line",
        rf"^{_TODAY}(?:{_WEEKDAY}\s*,?\s*)?\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}{_CLOCK}$",
    ),
    _p(
        "date-line",
        rf"^{_TODAY}(?:{_WEEKDAY}\s*,?\s*)?\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}{_CLOCK}(?:\s+{_WEEKDAY})?$",
    ),
    _p(
        "print-edition",
        r"^(?:a version of )?this (?:article|story) (?:appears|appeared|ran) (?:in|on) (?:the )?.{0,40}"
        r"\b(?:issue|edition|print)\b.*$",
        max_words=40,
    ),
    _p("weather-box", r"^weather\s*:.{0,120}$", max_words=25),
    _p("link-arrow", r"^.{1,120}\s*[→»›]$", max_words=20),
    _p(
        "tip-line",
        r"^(?:have|got) a (?:news )?tip\b.*|^(?:send|email) us (?:a|your) (?:news )?tips?\b.*|"
        r"^(?:report|spotted) an? (?:error|typo|mistake)\b.*|^contact (?:our|the) newsroom\b.*|"
        r"^.{0,60}\bif you (?:spot|see|notice|find) an? (?:error|mistake|factual error)\b.*|"
        r"^.{0,40}\bis committed to accuracy\b.*|"
        r"^was this (?:article|story|page|information) (?:helpful|useful)\??$|^yes\s+no$|"
        r"^have your say\b.{0,120}@.*$",
        max_words=20,
    ),
    _p("audio-widget", r"^(?:listen to (?:this|the) (?:article|story)|audio|play audio|listen)\b.{0,30}$"),
    _p("breadcrumb", r"^(?:home|news|start)\s*(?:>|›|»|/|\\)\s*\w.*$"),
    _p("tags", r"^(?:tags|topics|filed under|categories|category|keywords|more about)\s*:.*$"),
    _p(
        "copyright",
        r"^(?:©|copyright|\(c\))\s*.{0,80}$|^.{0,120}\ball rights reserved\b.*$"
        r"|^.{0,60}\bis (?:a|an) (?:property|publication|division|brand|subsidiary) of\b.{0,80}$"
        r"|^(?:©|copyright|\(c\))\s*(?:\d{4}\s*)?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}\.\s.{0,200}$"
        r"|^(?:©|copyright|\(c\))\s*.{0,80}\b(?:reproduced|reprinted|used) with permission\b.*$"
        r"|^.{0,40}\bthis copy is for your personal,? non-?commercial use\b.*$"
        r"|^.{0,60}\b(?:licensed under (?:a |the )?creative commons|republished under a creative commons)\b.*$"
        r"|^republish this (?:article|story)\b.{0,80}$",
    ),
    _p(
        "contributors",
        r"^.{0,200}\b(?:contributed (?:to )?(?:this )?(?:report(?:ing)?|article|story)|"
        r"(?:participated|assisted|helped) (?:in|with) (?:the )?(?:preparation|reporting|writing) of "
        r"(?:the|this) (?:article|report|story)|reporting by .{0,80}editing by)\b.{0,20}$",
        cues=("contributed", "participated", "assisted", "helped", "editing by"),
    ),
    _p(
        "teaser",
        r"^.*\b(?:here['’]?s what (?:you need to |to )?know|what we know(?: so far)?|everything you need"
        r" to know|here['’]?s why it matters|what you need to know)\s*$",
        max_words=30,
        cues=("know", "matters"),
    ),
    _p(
        "embed",
        r"^.*\b(?:you can add location information to your tweets|add this tweet to your website|"
        r"this (?:video|content|media) is (?:not )?(?:available|playable)|please enable javascript|"
        r"your browser does not support|watch (?:the )?video(?: above| below)?|click (?:here|to play)|"
        r"tap here to|we'?re sorry, this (?:content|feature)|you'?ve reached the end|when you tweet with a "
        r"location|delete your tweet location history|we only request your email address|"
        r"wait \d+ seconds? to continue|media playback is unsupported on your device|rating is available when"
        r" the video has been rented|this video is (?:currently )?unavailable|video player is loading)\b.*$"
        r"|^\W{0,3}(?:watch|video|listen)\s*:.{1,100}\(\d{1,2}:\d{2}\)$",
        max_words=60,
        cues=(
            "tweet",
            "video",
            "content",
            "media",
            "javascript",
            "browser",
            "click",
            "tap here",
            "sorry",
            "reached the end",
            "email address",
            "second",
            "playback",
            "player",
            "watch",
            "listen",
        ),
    ),
    # A web archive's page about its own crawls, saved instead of the article when a fetch through an
    # archive fails ("These crawls are part of an effort to archive pages…", "…added to the Wayback
    # Machine after an embargo period"). It names an archive or its crawls together with crawl vocabulary,
    # so reporting that merely mentions the Internet Archive stays.
    _p(
        "archive-notice",
        r"^(?=.*\b(?:wayback machine|internet archive|archive-it|web ?crawls?|webcrawl|these crawls|this crawl"
        r"|crawl data|focused crawls|crawls? of|warc files|warcs)\b)"
        r"(?=.*\b(?:crawls?|crawler|seed ?list|warcs?|embargo period|web captures?"
        r"|no more 404)\b).*$",
        max_words=120,
        cues=("wayback", "archive", "crawl", "warc"),
    ),
    _p(
        "site-nav",
        r"^(?:skip to (?:main )?content|menu|search|sign in|log in|login|register|subscribe"
        r"|back to top|go to top|loading|loading\.\.\.|close|open|next|previous|prev|home|view gallery"
        r"|view all|see all|load more|show more|more|powered by .{1,40})$",
    ),
)

# A byline: "By Jane Roe, The Daily Planet", "by time news", "Story by …". Not chrome as such, but not
# reporting either: it is removed from the text and used as outlet/author metadata.
BYLINE = re.compile(
    r"^(?:(?:story|words|text|report|written|reporting) )?by\s+(?P<who>[^.!?]{2,80})$", re.IGNORECASE
)

# Words that name news outlets ("Gazette", "News", "Radio"): a short capitalized name with one is an outlet.
OUTLET_WORDS = re.compile(
    r"\b(?:news|newswire|times|post|herald|gazette|chronicle|ledger|star|tribune|journal|courier|daily|wire|press|"
    r"observer|guardian|mail|express|telegraph|record|review|register|sun|standard|independent|today|radio|"
    r"tv|television|tidende|zeitung|monitor|bulletin|dispatch|examiner|inquirer|week|weekly|"
    r"magazine|networks?|broadcasting|agency|desk|service|advertiser|sentinel|echo|gazette)\b",
    re.IGNORECASE,
)

# "The harbour closed – HARBOR HERALD", "Fire contained | Coastline Wire": an outlet after the headline.
# A masthead naming the site and the section ("THE VALLEY COURIER - Breaking News"), not a headline.
MASTHEAD_SECTION = re.compile(
    r"^(?P<outlet>[A-Z][\w.&' ]{1,38}[\w.])\s+[–—|-]\s+(?:breaking news|latest news|latest|top stories|"
    r"news|home|world|local|local news|national|politics|business|sport|sports|opinion|live)\s*$",
    re.IGNORECASE,
)
# Not a headline: a section label or breadcrumb ("Tech › Gadgets › Phones", "Culture · Music", "Life
# Sciences / Oceans"), or a masthead ("THE NORTHGATE COURIER — Independent news since 1921").
SECTION_LABEL = re.compile(r"\s(?:[›»>·∙/•▸▹→]|::)\s|^[A-Z]{2,}(?:\s+[A-Z]{2,})+\b(?!\s*:)")
TITLE_OUTLET = re.compile(r"^(?P<title>.{10,}?)\s+[–—|-]\s+(?P<outlet>[A-Z][\w.&' ]{1,38}[\w.])\s*$")

# "PORT ALDER, March 3 (Coastline Wire) —", "WASHINGTON (Reuters) -", "(CNN)", "PHOENIX _".
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'\- ]{{1,40}}(?:,\s*(?!(?i:{_MONTH})\s+\d)[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){{0,3}})?)?"
    rf",?\s*(?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*"
    rf"(?:\((?P<outlet>[A-Z][\w.&' ]{{1,30}})\))?\s*(?:[—–:]|--?|_)\s+(?=[A-Z“\"‘'])",
)

# In-text self-references that name the publisher: "As CNN previously reported", "you're watching KPA".
OUTLET_SELF_REFERENCE = (
    re.compile(
        r"\b[Aa]s (?P<outlet>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3}) (?:previously |first |earlier )?reported\b"
    ),
    # "you're watching harbourline tonight. the deputy mayor…": the name ends at its sentence and before a
    # time of day ("valley nine at six")
    re.compile(
        r"\b(?:you(?:'|’| a| )?re|you are) watching (?P<outlet>[\w&]+(?:\.[\w&]+)*"
        r"(?: (?!at\b|on\b|in\b|with\b|for\b|from\b|and\b|the\b)[\w&]+(?:\.[\w&]+)*){0,3})",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:told|instructed|said to) (?P<outlet>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,2})['’]s [A-Z]"),
)

# "Coastline Wire's Ana Reyes and Tom Bell contributed reporting." -> the outlet before the possessive.
CONTRIBUTOR_OUTLET = re.compile(r"^(?P<outlet>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})['’]s [A-Z]")

# Photo-caption cues: positions of people in a picture, "(Photo: …)" or "(AP Photo/…)" credits.
CAPTION_CUES = re.compile(
    r",\s(?:left|right|center|centre|second (?:from )?(?:left|right)|front|back|top|bottom),\s"
    r"|\((?:left|right|center|centre|l|r|c|pictured|file)\)"
    r"|\((?:[\w .]*photo|photo|image|credit|picture)[^)]*\)\s*\.?$"
    r"|^(?:pictured|above|top|file photo|in this (?:photo|image|file photo))\b[:,]"
    r"|\b(?:credit|photograph|photo|picture|image)s?:\s*[^.]{2,80}$"
    r"|©\s*[^.]{2,80}$|\b(?:photo|image|picture)s? courtesy (?:of )?[^.]{2,80}\.?$"
    r"|\b(?:staff |file )?(?:photo|photograph|picture)s? by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*\.?$",
    re.IGNORECASE,
)

# A sentence that describes a picture rather than the news: "In this Oct. 2, 2012 file photo, …", "This
# undated photo provided by … shows …", "Hide Caption 3 of 12".
_CAPTION_WORD = (
    r"(?:file|booking|undated|handout|aerial|recent|family|police|courtesy|\d{1,4}(?:st|nd|rd|th)?,?"
    r"|(?-i:[A-Z][a-z]{2,8}\.?,?))"  # a date or a caption's usual adjectives, never any word
)
CAPTION_SENTENCE = re.compile(
    rf"^(?:file\s*[-–—]\s*)?(?:in )?this (?:{_CAPTION_WORD} ){{0,5}}"
    r"(?:photo|image|picture|photograph|video (?:still|image))\b"
    r"|^(?:a |the )?(?:file |booking |undated |handout )?(?:photo|image|picture)s? (?:of|taken|shows|provided)\b"
    r"|^(?:hide|toggle) caption\b|\((?:AP|AFP|Reuters)? ?Photo\b",
    re.IGNORECASE,
)

# A wire photo caption ends on the picture's full date, after the weekday ("…walks past reporters on
# Capitol Hill in Washington, Tuesday, April 5, 2011.") or straight after the place ("…in Lahore January
# 31, 2012.", "…in Puna, May 6, 2018."); reporting says "on Tuesday" or "on May 6, 2018".
DATED_CAPTION = re.compile(
    rf"(?:\b{_WEEKDAY}(?: morning| afternoon| evening| night)?,?|\b(?-i:[A-Z])[\w.'-]*,?)"
    rf"\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*\.$",
    re.IGNORECASE,
)

# Words that finish a line of reporting; a line ending otherwise is a heading, widget or fragment.
TERMINAL = (*".!?:;\"”’')]", "…")
