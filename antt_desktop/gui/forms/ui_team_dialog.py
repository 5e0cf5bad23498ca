# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_TeamDialog(object):
    def setupUi(self, TeamDialog):
        if not TeamDialog.objectName():
            TeamDialog.setObjectName(u"TeamDialog")
        TeamDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(TeamDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(TeamDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(TeamDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.nameLabel = QLabel(TeamDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TeamDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.foundedLabel = QLabel(TeamDialog)
        self.foundedLabel.setObjectName(u"foundedLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.foundedLabel)

        self.foundedEdit = QLineEdit(TeamDialog)
        self.foundedEdit.setObjectName(u"foundedEdit")
        self.foundedEdit.setMaxLength(10)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.foundedEdit)

        self.activeLabel = QLabel(TeamDialog)
        self.activeLabel.setObjectName(u"activeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.activeLabel)

        self.activeCheck = QCheckBox(TeamDialog)
        self.activeCheck.setObjectName(u"activeCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activeCheck)

        self.areasLabel = QLabel(TeamDialog)
        self.areasLabel.setObjectName(u"areasLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.areasLabel)

        self.areasList = QListWidget(TeamDialog)
        self.areasList.setObjectName(u"areasList")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.areasList)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(TeamDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(TeamDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.foundedLabel.setBuddy(self.foundedEdit)
        self.activeLabel.setBuddy(self.activeCheck)
        self.areasLabel.setBuddy(self.areasList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.foundedEdit)
        QWidget.setTabOrder(self.foundedEdit, self.activeCheck)
        QWidget.setTabOrder(self.activeCheck, self.areasList)

        self.retranslateUi(TeamDialog)

        QMetaObject.connectSlotsByName(TeamDialog)
    # setupUi

    def retranslateUi(self, TeamDialog):
        pass
    # retranslateUi

