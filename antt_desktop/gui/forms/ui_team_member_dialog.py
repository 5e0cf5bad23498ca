# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_member_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TeamMemberDialog(object):
    def setupUi(self, TeamMemberDialog):
        if not TeamMemberDialog.objectName():
            TeamMemberDialog.setObjectName(u"TeamMemberDialog")
        TeamMemberDialog.resize(560, 340)
        self.mainLayout = QVBoxLayout(TeamMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TeamMemberDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.personLabel = QLabel(TeamMemberDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personHolder = QWidget(TeamMemberDialog)
        self.personHolder.setObjectName(u"personHolder")
        self.personHolderLayout = QVBoxLayout(self.personHolder)
        self.personHolderLayout.setObjectName(u"personHolderLayout")
        self.personHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personHolder)

        self.nameLabel = QLabel(TeamMemberDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TeamMemberDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(TeamMemberDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(TeamMemberDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.phoneLabel = QLabel(TeamMemberDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(TeamMemberDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.joinedLabel = QLabel(TeamMemberDialog)
        self.joinedLabel.setObjectName(u"joinedLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.joinedLabel)

        self.joinedEdit = QLineEdit(TeamMemberDialog)
        self.joinedEdit.setObjectName(u"joinedEdit")
        self.joinedEdit.setMaxLength(10)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.joinedEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.problemLabel = QLabel(TeamMemberDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(TeamMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.joinedLabel.setBuddy(self.joinedEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TeamMemberDialog)

        QMetaObject.connectSlotsByName(TeamMemberDialog)
    # setupUi

    def retranslateUi(self, TeamMemberDialog):
        pass
    # retranslateUi

