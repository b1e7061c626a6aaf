"""Reports of two stories, the Ukraine talks and a US-Japan trade negotiation, for the everyday-use tests."""

from pathlib import Path

REPORTS = {
    "trade1.txt": (
        "Japan and US resume tariff talks in Washington\n\n"
        "WASHINGTON, Dec 9, 2025 (Test Wire) - Japan's economic revitalization minister Ryosei Akazawa "
        "met U.S. Commerce Secretary Howard Lutnick in Washington on Tuesday for talks on tariffs on "
        "Japanese cars.\n\n"
        "\"We had a frank discussion about the auto tariffs,\" Akazawa told reporters after the meeting.\n\n"
        "Lutnick said the United States wanted a deal that would open Japan's market to American rice.\n"
    ),
    "trade2.txt": (
        "Akazawa says tariff deal is close\n\n"
        "TOKYO, Dec 10, 2025 (Test Wire) - Japan's tariff negotiator Ryosei Akazawa said on Wednesday that "
        "a deal with the United States on auto tariffs was close after two days of talks with Commerce "
        "Secretary Howard Lutnick.\n\n"
        "\"We are very close to an agreement on the tariffs,\" Akazawa said at a news conference "
        "in Tokyo.\n\n"
        "Japan has rejected any cut to its rice protections, officials said.\n"
    ),
    "ukr1.txt": (
        "Zelensky meets European leaders in London\n\n"
        "LONDON, Dec 8, 2025 (Test Wire) - Ukrainian President Volodymyr Zelensky met the leaders of "
        "Britain, France and Germany in London on Monday to discuss the U.S. peace plan and the EU's "
        "role.\n\n"
        "\"We cannot give up our territory,\" Zelensky told reporters after the meeting.\n\n"
        "Kremlin spokesman Dmitry Peskov said Russia would study the revised plan.\n"
    ),
    "ukr2.txt": (
        "Kremlin says peace plan needs changes\n\n"
        "MOSCOW, Dec 14, 2025 (Test Wire) - Kremlin spokesman Dmitry Peskov said on Sunday that the U.S. "
        "peace plan for Ukraine needed changes before Russia could accept it.\n\n"
        "\"Some points of the plan are unacceptable to us,\" Peskov told reporters in Moscow.\n\n"
        "Ukrainian President Volodymyr Zelenskiy said Kyiv would not give up its territory.\n"
    ),
    "ukr-ja.txt": (
        "ゼレンスキー大統領、領土は譲らず 和平協議で\n\n"
        "2025年12月9日 10時00分\n\n"
        "ウクライナのゼレンスキー大統領は8日、ロンドンで英仏独の首脳と会談し、米国の和平案をめぐる協議について"
        "「領土を譲ることはできない」と述べた。\n\n"
        "EUの外交筋は、協議は来週も続くとの見方を示した。\n"
    ),
    "trade-ja.txt": (
        "赤沢経済再生相、関税協議「合意に近い」\n\n"
        "2025年12月10日 18時00分\n\n"
        "赤沢亮正経済再生相は10日、ワシントンでラトニック米商務長官と会談し、自動車関税をめぐる協議について"
        "「合意に非常に近い」と記者団に述べた。\n\n"
        "赤沢氏は、コメの市場開放には応じない考えを改めて示した。\n"
    ),
}
TRADE = ("trade1.txt", "trade2.txt")
STORES = ("trade1.txt", "trade2.txt", "ukr1.txt", "ukr2.txt", "ukr-ja.txt")  # the two-story store


def write_reports(folder: Path, names: tuple[str, ...] = tuple(REPORTS)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text(REPORTS[name], encoding="utf-8")
        paths.append(path)
    return paths
