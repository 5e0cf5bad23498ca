# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'commendation_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CommendationDialog(object):
    def setupUi(self, CommendationDialog):
        if not CommendationDialog.objectName():
            CommendationDialog.setObjectName(u"CommendationDialog")
        CommendationDialog.resize(820, 700)
        self.mainLayout = QVBoxLayout(CommendationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(CommendationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(CommendationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.issuerLabel = QLabel(CommendationDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(CommendationDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")
        self.issuerEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.decisionNumberLabel = QLabel(CommendationDialog)
        self.decisionNumberLabel.setObjectName(u"decisionNumberLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionNumberLabel)

        self.decisionNumberEdit = QLineEdit(CommendationDialog)
        self.decisionNumberEdit.setObjectName(u"decisionNumberEdit")
        self.decisionNumberEdit.setMaxLength(60)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decisionNumberEdit)

        self.decisionDateLabel = QLabel(CommendationDialog)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.decisionDateLabel)

        self.decisionDateEdit = QLineEdit(CommendationDialog)
        self.decisionDateEdit.setObjectName(u"decisionDateEdit")
        self.decisionDateEdit.setMaxLength(10)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.decisionDateEdit)

        self.achievementLabel = QLabel(CommendationDialog)
        self.achievementLabel.setObjectName(u"achievementLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.achievementLabel)

        self.achievementEdit = QPlainTextEdit(CommendationDialog)
        self.achievementEdit.setObjectName(u"achievementEdit")
        self.achievementEdit.setTabChangesFocus(True)
        self.achievementEdit.setMaximumHeight(60)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.achievementEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.recipientsBox = QGroupBox(CommendationDialog)
        self.recipientsBox.setObjectName(u"recipientsBox")
        self.recipientsLayout = QVBoxLayout(self.recipientsBox)
        self.recipientsLayout.setObjectName(u"recipientsLayout")
        self.recipientForm = QFormLayout()
        self.recipientForm.setObjectName(u"recipientForm")
        self.recipientKindLabel = QLabel(self.recipientsBox)
        self.recipientKindLabel.setObjectName(u"recipientKindLabel")

        self.recipientForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recipientKindLabel)

        self.recipientKindCombo = QComboBox(self.recipientsBox)
        self.recipientKindCombo.setObjectName(u"recipientKindCombo")

        self.recipientForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recipientKindCombo)

        self.recipientLabel = QLabel(self.recipientsBox)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.recipientForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.recipientLabel)

        self.recipientHolder = QWidget(self.recipientsBox)
        self.recipientHolder.setObjectName(u"recipientHolder")
        self.recipientHolderLayout = QVBoxLayout(self.recipientHolder)
        self.recipientHolderLayout.setObjectName(u"recipientHolderLayout")
        self.recipientHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.recipientForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.recipientHolder)

        self.rowAchievementLabel = QLabel(self.recipientsBox)
        self.rowAchievementLabel.setObjectName(u"rowAchievementLabel")

        self.recipientForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rowAchievementLabel)

        self.rowAchievementEdit = QLineEdit(self.recipientsBox)
        self.rowAchievementEdit.setObjectName(u"rowAchievementEdit")

        self.recipientForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rowAchievementEdit)

        self.goldenBookLabel = QLabel(self.recipientsBox)
        self.goldenBookLabel.setObjectName(u"goldenBookLabel")

        self.recipientForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.goldenBookLabel)

        self.goldenBookEdit = QLineEdit(self.recipientsBox)
        self.goldenBookEdit.setObjectName(u"goldenBookEdit")
        self.goldenBookEdit.setMaxLength(40)

        self.recipientForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.goldenBookEdit)

        self.collectiveLabel = QLabel(self.recipientsBox)
        self.collectiveLabel.setObjectName(u"collectiveLabel")

        self.recipientForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.collectiveLabel)

        self.collectiveCheck = QCheckBox(self.recipientsBox)
        self.collectiveCheck.setObjectName(u"collectiveCheck")

        self.recipientForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.collectiveCheck)


        self.recipientsLayout.addLayout(self.recipientForm)

        self.rowButtons = QHBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.addRowButton = QPushButton(self.recipientsBox)
        self.addRowButton.setObjectName(u"addRowButton")

        self.rowButtons.addWidget(self.addRowButton)

        self.removeRowButton = QPushButton(self.recipientsBox)
        self.removeRowButton.setObjectName(u"removeRowButton")

        self.rowButtons.addWidget(self.removeRowButton)

        self.rowSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowButtons.addItem(self.rowSpacer)


        self.recipientsLayout.addLayout(self.rowButtons)

        self.recipientsTable = QTableWidget(self.recipientsBox)
        self.recipientsTable.setObjectName(u"recipientsTable")

        self.recipientsLayout.addWidget(self.recipientsTable)

        self.rowProblemLabel = QLabel(self.recipientsBox)
        self.rowProblemLabel.setObjectName(u"rowProblemLabel")
        self.rowProblemLabel.setWordWrap(True)

        self.recipientsLayout.addWidget(self.rowProblemLabel)


        self.mainLayout.addWidget(self.recipientsBox)

        self.problemLabel = QLabel(CommendationDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(CommendationDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.decisionNumberLabel.setBuddy(self.decisionNumberEdit)
        self.decisionDateLabel.setBuddy(self.decisionDateEdit)
        self.achievementLabel.setBuddy(self.achievementEdit)
        self.recipientKindLabel.setBuddy(self.recipientKindCombo)
        self.rowAchievementLabel.setBuddy(self.rowAchievementEdit)
        self.goldenBookLabel.setBuddy(self.goldenBookEdit)
        self.collectiveLabel.setBuddy(self.collectiveCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CommendationDialog)

        QMetaObject.connectSlotsByName(CommendationDialog)
    # setupUi

    def retranslateUi(self, CommendationDialog):
        pass
    # retranslateUi

