from datetime import datetime
from antt_desktop.importers import import_file, save_refused
from antt_desktop.i18n.translator import Translator
from tests.conftest import OFFICER, TODAY
from tests.importers.conftest import cccd

def test_smoke(db, make_xlsx, areas, counts, tmp_path):
    p = make_xlsx(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Dân tộc", "Thôn", "Lạ"],
                  [[1, "Nguyễn Văn An", datetime(1985, 3, 15), "Nam", int(cccd(1985)), "Kinh", "thon dong", "x"],
                   [2, "Trần Thị Bình", 1990, "Nữ", cccd(1990, "F", 2), 1, "Tổ dân phố số 3", None],
                   [3, "Lê C", "31/02/1990", "Nữ", "0010850123", "Mông", "Thôn Tây", None]])
    r = import_file(db, p, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    print(r.render(Translator("vi")))
    print(r.render(Translator("en")))
    print(counts())
    save_refused(r, tmp_path / "ref.xlsx")
