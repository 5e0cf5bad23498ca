# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(640, 520)
        self.mainLayout = QVBoxLayout(ActivityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ActivityDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.heldOnLabel = QLabel(ActivityDialog)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOnEdit = QLineEdit(ActivityDialog)
        self.heldOnEdit.setObjectName(u"heldOnEdit")
        self.heldOnEdit.setMaxLength(10)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldOnEdit)

        self.kindLabel = QLabel(ActivityDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ActivityDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.quantityBox = QGroupBox(ActivityDialog)
        self.quantityBox.setObjectName(u"quantityBox")
        self.quantityGrid = QGridLayout(self.quantityBox)
        self.quantityGrid.setObjectName(u"quantityGrid")
        self.participantsLabel = QLabel(self.quantityBox)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.quantityGrid.addWidget(self.participantsLabel, 0, 0, 1, 1)

        self.participantsSpin = QSpinBox(self.quantityBox)
        self.participantsSpin.setObjectName(u"participantsSpin")
        self.participantsSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.participantsSpin, 0, 1, 1, 1)

        self.gunsLabel = QLabel(self.quantityBox)
        self.gunsLabel.setObjectName(u"gunsLabel")

        self.quantityGrid.addWidget(self.gunsLabel, 0, 2, 1, 1)

        self.gunsSpin = QSpinBox(self.quantityBox)
        self.gunsSpin.setObjectName(u"gunsSpin")
        self.gunsSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.gunsSpin, 0, 3, 1, 1)

        self.rudimentaryWeaponsLabel = QLabel(self.quantityBox)
        self.rudimentaryWeaponsLabel.setObjectName(u"rudimentaryWeaponsLabel")

        self.quantityGrid.addWidget(self.rudimentaryWeaponsLabel, 1, 0, 1, 1)

        self.rudimentaryWeaponsSpin = QSpinBox(self.quantityBox)
        self.rudimentaryWeaponsSpin.setObjectName(u"rudimentaryWeaponsSpin")
        self.rudimentaryWeaponsSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.rudimentaryWeaponsSpin, 1, 1, 1, 1)

        self.explosivesLabel = QLabel(self.quantityBox)
        self.explosivesLabel.setObjectName(u"explosivesLabel")

        self.quantityGrid.addWidget(self.explosivesLabel, 1, 2, 1, 1)

        self.explosivesSpin = QSpinBox(self.quantityBox)
        self.explosivesSpin.setObjectName(u"explosivesSpin")
        self.explosivesSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.explosivesSpin, 1, 3, 1, 1)

        self.bulletsLabel = QLabel(self.quantityBox)
        self.bulletsLabel.setObjectName(u"bulletsLabel")

        self.quantityGrid.addWidget(self.bulletsLabel, 2, 0, 1, 1)

        self.bulletsSpin = QSpinBox(self.quantityBox)
        self.bulletsSpin.setObjectName(u"bulletsSpin")
        self.bulletsSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.bulletsSpin, 2, 1, 1, 1)

        self.grenadesLabel = QLabel(self.quantityBox)
        self.grenadesLabel.setObjectName(u"grenadesLabel")

        self.quantityGrid.addWidget(self.grenadesLabel, 2, 2, 1, 1)

        self.grenadesSpin = QSpinBox(self.quantityBox)
        self.grenadesSpin.setObjectName(u"grenadesSpin")
        self.grenadesSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.grenadesSpin, 2, 3, 1, 1)

        self.fireworksLabel = QLabel(self.quantityBox)
        self.fireworksLabel.setObjectName(u"fireworksLabel")

        self.quantityGrid.addWidget(self.fireworksLabel, 3, 0, 1, 1)

        self.fireworksSpin = QSpinBox(self.quantityBox)
        self.fireworksSpin.setObjectName(u"fireworksSpin")
        self.fireworksSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.fireworksSpin, 3, 1, 1, 1)

        self.supportToolsLabel = QLabel(self.quantityBox)
        self.supportToolsLabel.setObjectName(u"supportToolsLabel")

        self.quantityGrid.addWidget(self.supportToolsLabel, 3, 2, 1, 1)

        self.supportToolsSpin = QSpinBox(self.quantityBox)
        self.supportToolsSpin.setObjectName(u"supportToolsSpin")
        self.supportToolsSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.supportToolsSpin, 3, 3, 1, 1)

        self.casesMediatedLabel = QLabel(self.quantityBox)
        self.casesMediatedLabel.setObjectName(u"casesMediatedLabel")

        self.quantityGrid.addWidget(self.casesMediatedLabel, 4, 0, 1, 1)

        self.casesMediatedSpin = QSpinBox(self.quantityBox)
        self.casesMediatedSpin.setObjectName(u"casesMediatedSpin")
        self.casesMediatedSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.casesMediatedSpin, 4, 1, 1, 1)

        self.tipsOfValueLabel = QLabel(self.quantityBox)
        self.tipsOfValueLabel.setObjectName(u"tipsOfValueLabel")

        self.quantityGrid.addWidget(self.tipsOfValueLabel, 4, 2, 1, 1)

        self.tipsOfValueSpin = QSpinBox(self.quantityBox)
        self.tipsOfValueSpin.setObjectName(u"tipsOfValueSpin")
        self.tipsOfValueSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.tipsOfValueSpin, 4, 3, 1, 1)

        self.surrenderedLabel = QLabel(self.quantityBox)
        self.surrenderedLabel.setObjectName(u"surrenderedLabel")

        self.quantityGrid.addWidget(self.surrenderedLabel, 5, 0, 1, 1)

        self.surrenderedSpin = QSpinBox(self.quantityBox)
        self.surrenderedSpin.setObjectName(u"surrenderedSpin")
        self.surrenderedSpin.setMaximum(1000000)

        self.quantityGrid.addWidget(self.surrenderedSpin, 5, 1, 1, 1)


        self.mainLayout.addWidget(self.quantityBox)

        self.notesForm = QFormLayout()
        self.notesForm.setObjectName(u"notesForm")
        self.notesLabel = QLabel(ActivityDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.notesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ActivityDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumHeight(90)

        self.notesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.notesForm)

        self.problemLabel = QLabel(ActivityDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(ActivityDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.heldOnLabel.setBuddy(self.heldOnEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.participantsLabel.setBuddy(self.participantsSpin)
        self.gunsLabel.setBuddy(self.gunsSpin)
        self.rudimentaryWeaponsLabel.setBuddy(self.rudimentaryWeaponsSpin)
        self.explosivesLabel.setBuddy(self.explosivesSpin)
        self.bulletsLabel.setBuddy(self.bulletsSpin)
        self.grenadesLabel.setBuddy(self.grenadesSpin)
        self.fireworksLabel.setBuddy(self.fireworksSpin)
        self.supportToolsLabel.setBuddy(self.supportToolsSpin)
        self.casesMediatedLabel.setBuddy(self.casesMediatedSpin)
        self.tipsOfValueLabel.setBuddy(self.tipsOfValueSpin)
        self.surrenderedLabel.setBuddy(self.surrenderedSpin)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.heldOnEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.participantsSpin)
        QWidget.setTabOrder(self.participantsSpin, self.gunsSpin)
        QWidget.setTabOrder(self.gunsSpin, self.rudimentaryWeaponsSpin)
        QWidget.setTabOrder(self.rudimentaryWeaponsSpin, self.explosivesSpin)
        QWidget.setTabOrder(self.explosivesSpin, self.bulletsSpin)
        QWidget.setTabOrder(self.bulletsSpin, self.grenadesSpin)
        QWidget.setTabOrder(self.grenadesSpin, self.fireworksSpin)
        QWidget.setTabOrder(self.fireworksSpin, self.supportToolsSpin)
        QWidget.setTabOrder(self.supportToolsSpin, self.casesMediatedSpin)
        QWidget.setTabOrder(self.casesMediatedSpin, self.tipsOfValueSpin)
        QWidget.setTabOrder(self.tipsOfValueSpin, self.surrenderedSpin)
        QWidget.setTabOrder(self.surrenderedSpin, self.notesEdit)

        self.retranslateUi(ActivityDialog)

        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        pass
    # retranslateUi

