# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'initiative_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_InitiativeDialog(object):
    def setupUi(self, InitiativeDialog):
        if not InitiativeDialog.objectName():
            InitiativeDialog.setObjectName(u"InitiativeDialog")
        InitiativeDialog.resize(760, 620)
        self.mainLayout = QVBoxLayout(InitiativeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(InitiativeDialog)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalLayout = QVBoxLayout(self.generalTab)
        self.generalLayout.setObjectName(u"generalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(self.generalTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.generalTab)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.typeLabel = QLabel(self.generalTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.generalTab)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.statusLabel = QLabel(self.generalTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.generalTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.launchedLabel = QLabel(self.generalTab)
        self.launchedLabel.setObjectName(u"launchedLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.launchedLabel)

        self.launchedEdit = QLineEdit(self.generalTab)
        self.launchedEdit.setObjectName(u"launchedEdit")
        self.launchedEdit.setMaxLength(10)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.launchedEdit)

        self.endedLabel = QLabel(self.generalTab)
        self.endedLabel.setObjectName(u"endedLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endedLabel)

        self.endedEdit = QLineEdit(self.generalTab)
        self.endedEdit.setObjectName(u"endedEdit")
        self.endedEdit.setMaxLength(10)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.endedEdit)

        self.decisionNumberLabel = QLabel(self.generalTab)
        self.decisionNumberLabel.setObjectName(u"decisionNumberLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.decisionNumberLabel)

        self.decisionNumberEdit = QLineEdit(self.generalTab)
        self.decisionNumberEdit.setObjectName(u"decisionNumberEdit")
        self.decisionNumberEdit.setMaxLength(60)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.decisionNumberEdit)

        self.decisionDateLabel = QLabel(self.generalTab)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.decisionDateLabel)

        self.decisionDateEdit = QLineEdit(self.generalTab)
        self.decisionDateEdit.setObjectName(u"decisionDateEdit")
        self.decisionDateEdit.setMaxLength(10)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.decisionDateEdit)

        self.decisionIssuerLabel = QLabel(self.generalTab)
        self.decisionIssuerLabel.setObjectName(u"decisionIssuerLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.decisionIssuerLabel)

        self.decisionIssuerEdit = QLineEdit(self.generalTab)
        self.decisionIssuerEdit.setObjectName(u"decisionIssuerEdit")
        self.decisionIssuerEdit.setMaxLength(200)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.decisionIssuerEdit)

        self.leadBodyLabel = QLabel(self.generalTab)
        self.leadBodyLabel.setObjectName(u"leadBodyLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.leadBodyLabel)

        self.leadBodyEdit = QLineEdit(self.generalTab)
        self.leadBodyEdit.setObjectName(u"leadBodyEdit")
        self.leadBodyEdit.setMaxLength(200)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.leadBodyEdit)

        self.partnersLabel = QLabel(self.generalTab)
        self.partnersLabel.setObjectName(u"partnersLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.partnersLabel)

        self.partnersEdit = QLineEdit(self.generalTab)
        self.partnersEdit.setObjectName(u"partnersEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.partnersEdit)

        self.memberCountLabel = QLabel(self.generalTab)
        self.memberCountLabel.setObjectName(u"memberCountLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.memberCountLabel)

        self.memberCountEdit = QLineEdit(self.generalTab)
        self.memberCountEdit.setObjectName(u"memberCountEdit")
        self.memberCountEdit.setMaxLength(9)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.memberCountEdit)

        self.descriptionLabel = QLabel(self.generalTab)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.generalTab)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.generalLayout.addLayout(self.formLayout)

        self.tabs.addTab(self.generalTab, "")
        self.linesTab = QWidget()
        self.linesTab.setObjectName(u"linesTab")
        self.linesLayout = QVBoxLayout(self.linesTab)
        self.linesLayout.setObjectName(u"linesLayout")
        self.areasLabel = QLabel(self.linesTab)
        self.areasLabel.setObjectName(u"areasLabel")

        self.linesLayout.addWidget(self.areasLabel)

        self.areasList = QListWidget(self.linesTab)
        self.areasList.setObjectName(u"areasList")
        self.areasList.setMaximumHeight(150)

        self.linesLayout.addWidget(self.areasList)

        self.fundingLabel = QLabel(self.linesTab)
        self.fundingLabel.setObjectName(u"fundingLabel")

        self.linesLayout.addWidget(self.fundingLabel)

        self.fundingTable = QTableWidget(self.linesTab)
        self.fundingTable.setObjectName(u"fundingTable")

        self.linesLayout.addWidget(self.fundingTable)

        self.fundingButtons = QHBoxLayout()
        self.fundingButtons.setObjectName(u"fundingButtons")
        self.addFundingButton = QPushButton(self.linesTab)
        self.addFundingButton.setObjectName(u"addFundingButton")

        self.fundingButtons.addWidget(self.addFundingButton)

        self.removeFundingButton = QPushButton(self.linesTab)
        self.removeFundingButton.setObjectName(u"removeFundingButton")

        self.fundingButtons.addWidget(self.removeFundingButton)

        self.fundingSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fundingButtons.addItem(self.fundingSpacer)


        self.linesLayout.addLayout(self.fundingButtons)

        self.assetsLabel = QLabel(self.linesTab)
        self.assetsLabel.setObjectName(u"assetsLabel")

        self.linesLayout.addWidget(self.assetsLabel)

        self.assetsTable = QTableWidget(self.linesTab)
        self.assetsTable.setObjectName(u"assetsTable")

        self.linesLayout.addWidget(self.assetsTable)

        self.assetButtons = QHBoxLayout()
        self.assetButtons.setObjectName(u"assetButtons")
        self.addAssetButton = QPushButton(self.linesTab)
        self.addAssetButton.setObjectName(u"addAssetButton")

        self.assetButtons.addWidget(self.addAssetButton)

        self.removeAssetButton = QPushButton(self.linesTab)
        self.removeAssetButton.setObjectName(u"removeAssetButton")

        self.assetButtons.addWidget(self.removeAssetButton)

        self.assetSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assetButtons.addItem(self.assetSpacer)


        self.linesLayout.addLayout(self.assetButtons)

        self.tabs.addTab(self.linesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.problemLabel = QLabel(InitiativeDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(InitiativeDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.launchedLabel.setBuddy(self.launchedEdit)
        self.endedLabel.setBuddy(self.endedEdit)
        self.decisionNumberLabel.setBuddy(self.decisionNumberEdit)
        self.decisionDateLabel.setBuddy(self.decisionDateEdit)
        self.decisionIssuerLabel.setBuddy(self.decisionIssuerEdit)
        self.leadBodyLabel.setBuddy(self.leadBodyEdit)
        self.partnersLabel.setBuddy(self.partnersEdit)
        self.memberCountLabel.setBuddy(self.memberCountEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.areasLabel.setBuddy(self.areasList)
        self.fundingLabel.setBuddy(self.fundingTable)
        self.assetsLabel.setBuddy(self.assetsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.launchedEdit)
        QWidget.setTabOrder(self.launchedEdit, self.endedEdit)
        QWidget.setTabOrder(self.endedEdit, self.decisionNumberEdit)
        QWidget.setTabOrder(self.decisionNumberEdit, self.decisionDateEdit)
        QWidget.setTabOrder(self.decisionDateEdit, self.decisionIssuerEdit)
        QWidget.setTabOrder(self.decisionIssuerEdit, self.leadBodyEdit)
        QWidget.setTabOrder(self.leadBodyEdit, self.partnersEdit)
        QWidget.setTabOrder(self.partnersEdit, self.memberCountEdit)
        QWidget.setTabOrder(self.memberCountEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.areasList)
        QWidget.setTabOrder(self.areasList, self.fundingTable)
        QWidget.setTabOrder(self.fundingTable, self.addFundingButton)
        QWidget.setTabOrder(self.addFundingButton, self.removeFundingButton)
        QWidget.setTabOrder(self.removeFundingButton, self.assetsTable)
        QWidget.setTabOrder(self.assetsTable, self.addAssetButton)
        QWidget.setTabOrder(self.addAssetButton, self.removeAssetButton)

        self.retranslateUi(InitiativeDialog)

        QMetaObject.connectSlotsByName(InitiativeDialog)
    # setupUi

    def retranslateUi(self, InitiativeDialog):
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("InitiativeDialog", u"Page", None))
        self.tabs.setTabText(self.tabs.indexOf(self.linesTab), QCoreApplication.translate("InitiativeDialog", u"Page", None))
        pass
    # retranslateUi

